package org.chorus.signatures.links;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Where signers reach this service from outside, for links in mail sent outside a web request. */
@Component
public class PublicLinks {
    private final String publicUrl;
    private final Environment environment;

    PublicLinks(@Value("${chorus.public-url:}") String publicUrl, Environment environment) {
        this.publicUrl = publicUrl;
        this.environment = environment;
    }

    /** {@code chorus.public-url}, or this server on localhost when none is configured (development, tests). */
    public String base() {
        if (!publicUrl.isBlank()) {
            return publicUrl;
        }
        return "http://localhost:"
                + environment.getProperty("local.server.port", environment.getProperty("server.port", "8082"));
    }
}
