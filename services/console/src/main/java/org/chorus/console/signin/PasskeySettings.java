package org.chorus.console.signin;

import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Passkeys ({@code chorus.console.passkeys}): the relying party a passkey belongs to ({@code rp-id}, the console's host
 * name or a parent domain of it, e.g. {@code localhost} or {@code chorus.example.org}; {@code rp-name} as
 * authenticators show it), the origins whose signatures count ({@code allowed-origins}: exactly the URLs coordinators
 * open the console at, e.g. {@code https://console.chorus.example.org}), and {@code statements-key}, with which the
 * console asks statements for the session of a coordinator who signed in with a passkey (statements'
 * {@code chorus.passkeys.console-key}).
 */
@ConfigurationProperties("chorus.console.passkeys")
public record PasskeySettings(String rpId, String rpName, Set<String> allowedOrigins, String statementsKey) {

    public PasskeySettings {
        if (rpId == null || rpId.isBlank()) {
            throw new IllegalArgumentException("chorus.console.passkeys.rp-id must name the console's host");
        }
        if (allowedOrigins == null || allowedOrigins.isEmpty()) {
            throw new IllegalArgumentException("chorus.console.passkeys.allowed-origins must list the console's URL");
        }
        rpName = rpName == null || rpName.isBlank() ? "Chorus" : rpName;
        allowedOrigins = Set.copyOf(allowedOrigins);
        statementsKey = statementsKey == null ? "" : statementsKey;
    }
}
