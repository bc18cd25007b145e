package org.chorus.platform.sealing;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Distribution's mail-sealing keys (raw X25519 keys, base64). Requesting services set {@code key-id} and {@code
 * public-key}: they can seal but not open. Distribution sets {@code private-keys}, every key it still opens, each as
 * {@code <key id>:<base64 private key>} (a list, so {@code CHORUS_SEALING_PRIVATEKEYS=k2:…,k1:…} replaces the
 * development key rather than adding to it). The yml files
 * ship the published development key pair {@code dev1}; under the {@code prod} profile a service refuses to start
 * with it.
 */
@ConfigurationProperties("chorus.sealing")
public record SealingProperties(String keyId, String publicKey, List<String> privateKeys) {
    public SealingProperties {
        privateKeys = privateKeys == null ? List.of() : List.copyOf(privateKeys);
    }
}
