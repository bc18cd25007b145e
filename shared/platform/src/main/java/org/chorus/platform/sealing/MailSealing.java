package org.chorus.platform.sealing;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * The mail-sealing beans from {@link SealingProperties}: a service that requests mail imports {@link Requester} (it
 * gets a {@link MailSealer}, public key only); distribution imports {@link Distribution} (a {@link MailOpener} with
 * every private key). Either refuses to start without its keys, or under the {@code prod} profile with the published
 * development keys.
 */
public final class MailSealing {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SealingProperties.class)
    static class Keys {}

    @Configuration(proxyBeanMethods = false)
    @Import(Keys.class)
    public static class Requester {
        @Bean
        MailSealer mailSealer(SealingProperties properties, Environment environment) {
            if (properties.keyId() == null || properties.keyId().isBlank()) {
                throw new IllegalStateException("chorus.sealing.key-id is missing: set the id of distribution's"
                        + " current mail-sealing key.");
            }
            byte[] publicKey = decode("chorus.sealing.public-key", properties.publicKey());
            if (environment.matchesProfiles("prod") && DevelopmentKeys.isPublicKey(publicKey)) {
                throw new IllegalStateException("chorus.sealing.public-key is the published development key; the prod"
                        + " profile needs the public half of this deployment's own key (README, Privacy).");
            }
            return new MailSealer(new Sealer(properties.keyId(), publicKey));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Import(Keys.class)
    public static class Distribution {
        @Bean
        MailOpener mailOpener(SealingProperties properties, Environment environment) {
            if (properties.privateKeys().isEmpty()) {
                throw new IllegalStateException("chorus.sealing.private-keys is empty: distribution cannot open mail"
                        + " requests (README, Privacy).");
            }
            Map<String, byte[]> keys = new LinkedHashMap<>();
            for (String entry : properties.privateKeys()) {
                int colon = entry.indexOf(':');
                if (colon < 1) {
                    throw new IllegalStateException("chorus.sealing.private-keys holds an entry that is not"
                            + " <key id>:<base64 private key>.");
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
            return new MailOpener(new Opener(keys));
        }
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

    private MailSealing() {}
}
