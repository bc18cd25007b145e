package org.chorus.statements.accounts;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chorus.passkeys.console-key}: the key with which the console asks for the session of a coordinator who signed
 * in with a passkey (32 random bytes or more, e.g. {@code openssl rand -base64 32}, the same value as the console's
 * {@code chorus.console.passkeys.statements-key}). Empty: nobody signs in with a passkey.
 */
@ConfigurationProperties("chorus.passkeys")
record PasskeySessions(String consoleKey) {

    boolean accepts(String presented) {
        return consoleKey != null
                && consoleKey.length() >= 16
                && presented != null
                && PasskeySessionsApi.same(consoleKey, presented);
    }
}
