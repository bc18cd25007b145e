package org.chorus.signatures.links;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Where signers reach this service from outside, for links in mail sent outside a web request. */
@Component
public class PublicLinks {
    private final String publicUrl;
    private final Environment environment;
    private volatile String localBase;

    PublicLinks(@Value("${chorus.public-url:}") String publicUrl, Environment environment) {
        this.publicUrl = publicUrl;
        this.environment = environment;
    }

    /** {@code chorus.public-url}, or this server on localhost when none is configured (development, tests). */
    public String base() {
        if (!publicUrl.isBlank()) {
            return publicUrl;
        }
        String local = localBase;
        if (local == null) {
            local = "http://localhost:"
                    + environment.getProperty("local.server.port", environment.getProperty("server.port", "8082"));
            if (environment.containsProperty("local.server.port")) {
                localBase = local; // known once the server is up; an environment lookup per signature cost 2 % of it
            }
        }
        return local;
    }
}
