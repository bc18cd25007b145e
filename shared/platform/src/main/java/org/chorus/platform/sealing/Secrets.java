package org.chorus.platform.sealing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.core.env.Environment;

/**
 * A service's secret keys, each at least 32 random bytes, base64-encoded, from configuration: the one way every
 * service reads them. The yml files carry published development keys (their bytes start with {@code dev-only}); in
 * the {@code prod} profile a service refuses to start with one of them, or without a key.
 */
public final class Secrets {
    private static final byte[] DEV_MARK = "dev-only".getBytes(StandardCharsets.US_ASCII);

    public static byte[] key(Environment environment, String property) {
        String value = environment.getProperty(property, "").strip();
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException(property + " is not base64: set it to 32 random bytes, base64-encoded.");
        }
        if (key.length < 32) {
            throw new IllegalStateException(property + " is missing or shorter than 32 bytes: set it to 32 random"
                    + " bytes, base64-encoded (openssl rand -base64 32).");
        }
        if (environment.matchesProfiles("prod") && startsWithDevMark(key)) {
            throw new IllegalStateException(property + " is the published development key; the prod profile needs"
                    + " this deployment's own (openssl rand -base64 32).");
        }
        return key;
    }

    /** True for a published development key (its bytes start with {@code dev-only}). */
    public static boolean isDevelopmentKey(byte[] key) {
        return key.length >= DEV_MARK.length && startsWithDevMark(key);
    }

    private static boolean startsWithDevMark(byte[] key) {
        for (int i = 0; i < DEV_MARK.length; i++) {
            if (key[i] != DEV_MARK[i]) {
                return false;
            }
        }
        return true;
    }

    private Secrets() {}
}
