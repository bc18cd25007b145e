package org.chorus.platform.sealing;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.env.Environment;

/**
 * Reads sealing keys from {@link SealingProperties}, the one way every service does: a missing or malformed key, or
 * under the {@code prod} profile a published development key, stops the service at start.
 */
final class SealingKeys {

    /** A sealer for another service, from its key id and public key ({@code prefix}: the properties' prefix). */
    static Sealer sealer(String prefix, String keyId, String publicKey, String whose, Environment environment) {
        if (keyId == null || keyId.isBlank()) {
            throw new IllegalStateException(
                    prefix + "key-id is missing: set the id of " + whose + "'s current sealing key.");
        }
        byte[] key = decode(prefix + "public-key", publicKey);
        if (environment.matchesProfiles("prod") && DevelopmentKeys.isPublicKey(key)) {
            throw new IllegalStateException(prefix + "public-key is the published development key; the prod"
                    + " profile needs the public half of this deployment's own key (README, Privacy).");
        }
        return new Sealer(keyId, key);
    }

    /** An opener with every private key of this service ({@code chorus.sealing.private-keys}). */
    static Opener opener(SealingProperties properties, String service, Environment environment) {
        return new Opener(privateKeys(properties, service, environment));
    }

    /** Every private key of this service by id, as configured (the current one first). */
    static Map<String, byte[]> privateKeys(SealingProperties properties, String service, Environment environment) {
        if (properties.privateKeys().isEmpty()) {
            throw new IllegalStateException("chorus.sealing.private-keys is empty: " + service
                    + " cannot open what was sealed for it (README, Privacy).");
        }
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (String entry : properties.privateKeys()) {
            int colon = entry.indexOf(':');
            if (colon < 1) {
                throw new IllegalStateException(
                        "chorus.sealing.private-keys holds an entry that is not" + " <key id>:<base64 private key>.");
            }
            String keyId = entry.substring(0, colon).strip();
            String property = "chorus.sealing.private-keys (key " + keyId + ")";
            byte[] key = decode(property, entry.substring(colon + 1));
            if (environment.matchesProfiles("prod") && Secrets.isDevelopmentKey(key)) {
                throw new IllegalStateException(property + " is the published development key; the prod profile"
                        + " needs this deployment's own (README, Privacy).");
            }
            if (keys.put(keyId, key) != null) {
                throw new IllegalStateException("chorus.sealing.private-keys names key " + keyId + " twice.");
            }
        }
        return keys;
    }

    private static byte[] decode(String property, String value) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value == null ? "" : value.strip());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException(property + " is not base64.");
        }
        if (key.length != 32) {
            throw new IllegalStateException(property + " is missing or not a 32-byte X25519 key, base64-encoded.");
        }
        return key;
    }

    private SealingKeys() {}
}
