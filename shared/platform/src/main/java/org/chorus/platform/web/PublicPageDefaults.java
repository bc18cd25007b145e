package org.chorus.platform.web;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * What every service's pages share on the wire, as defaults a service's own configuration (or the environment) may
 * override: text answers are gzip-compressed when the client accepts it (the sign page travels as about a third of its
 * size), and static files (styles, scripts, the favicon) are served under content-hashed addresses
 * ({@code /signatures-<md5>.css}, written by Thymeleaf's {@code @{…}}) that browsers keep for a year, so a new release
 * is fetched at once and an unchanged one never again. Pages and APIs stay {@code no-store} ({@link SecurityHeaders}).
 */
public class PublicPageDefaults implements EnvironmentPostProcessor {
    static final String NAME = "chorusPublicPageDefaults";

    static final Map<String, Object> DEFAULTS = Map.of(
            "server.compression.enabled", "true",
            "server.compression.mime-types",
                    "text/html,text/css,text/javascript,application/javascript,application/json,"
                            + "application/problem+json,image/svg+xml,text/plain,text/csv",
            // below this, a gzip header and dictionary cost about what they save
            "server.compression.min-response-size", "1KB",
            "spring.web.resources.chain.strategy.content.enabled", "true",
            "spring.web.resources.chain.strategy.content.paths", "/**",
            "spring.web.resources.cache.cachecontrol.max-age", "365d",
            "spring.web.resources.cache.cachecontrol.cache-public", "true");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getPropertySources().contains(NAME)) {
            environment.getPropertySources().addLast(new MapPropertySource(NAME, DEFAULTS));
        }
    }
}
