package org.chorus.console;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the console finds the four services' JSON APIs, and where signers open sign-on links ({@code public-sign-on},
 * the public origin; the signatures service itself when empty).
 */
@ConfigurationProperties("chorus.console.services")
public record ServiceUrls(URI statements, URI signatures, URI tracking, URI distribution, String publicSignOn) {

    /** The public sign-on page of a statement in one language. */
    public String signOnLink(String statementId, String language) {
        String base = publicSignOn == null || publicSignOn.isBlank() ? signatures.toString() : publicSignOn;
        return base.replaceAll("/+$", "") + "/sign/" + statementId + "?lang=" + language;
    }
}
