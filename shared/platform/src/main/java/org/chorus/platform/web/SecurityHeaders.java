package org.chorus.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Pages load nothing from elsewhere, cannot be framed, and send no referrer. No answer but a static asset (style,
 * script, font, image) may be kept by a browser or proxy ({@code Cache-Control: no-store}): console pages, APIs and a
 * signer's personal pages (confirm, manage, re-consent, decline, unsubscribe) show identities and addresses; an answer
 * that may be cached says so itself (a controller's own Cache-Control replaces this one). In the {@code prod} profile browsers are
 * also told to reach Chorus over HTTPS only ({@code chorus.web.strict-transport-security} overrides the value, an
 * empty value turns it off).
 *
 * <p>It runs first, before every other filter, so an answer a filter gives before the normal chain (a slow client's
 * 408, a throttled 429, a refused bounce report's 401, a 400 for NUL) carries the same headers as any page; requests
 * the container refuses before any filter get them from {@link ContainerErrors}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SecurityHeaders extends OncePerRequestFilter {
    static final String PRODUCTION_HSTS = "max-age=31536000; includeSubDomains";

    private final String strictTransportSecurity;

    public SecurityHeaders(Environment environment) {
        this.strictTransportSecurity = environment.getProperty(
                "chorus.web.strict-transport-security", environment.matchesProfiles("prod") ? PRODUCTION_HSTS : "");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        applyTo(response, request.getRequestURI());
        chain.doFilter(request, response);
    }

    /** Sets the headers on an answer to {@code path}: this filter's, and the container's own refusals. */
    public void applyTo(HttpServletResponse response, String path) {
        response.setHeader(
                "Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (!isStaticAsset(path)) {
            response.setHeader("Cache-Control", "no-store");
        }
        if (!strictTransportSecurity.isEmpty()) {
            response.setHeader("Strict-Transport-Security", strictTransportSecurity);
        }
    }

    /** Every dispatch, the error page's too: a refusal rendered there keeps the headers whoever refused. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    private static boolean isStaticAsset(String path) {
        String lower = path == null ? "" : path.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("/webjars/")
                || lower.matches("[^?;]*\\.(css|js|woff2?|ttf|otf|png|svg|ico|jpe?g|webp)");
    }
}
