package org.chorus.platform.sealing;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sealing keys (raw X25519 keys, base64). A service that seals for distribution (mail requests, signatories' names)
 * sets distribution's {@code key-id} and {@code public-key}; signatures also sets tracking's, {@code tracking.key-id}
 * and {@code tracking.public-key} (invitees): they can seal but not open. A service that opens (distribution,
 * tracking) sets its own {@code private-keys}, every key it still opens, each as {@code <key id>:<base64 private key>}
 * (a list, so {@code CHORUS_SEALING_PRIVATEKEYS=k2:…,k1:…} replaces the development key rather than adding to it).
 * The yml files ship the published development key pairs {@code dev1} (distribution) and {@code tdev1} (tracking);
 * under the {@code prod} profile a service refuses to start with them.
 */
@ConfigurationProperties("chorus.sealing")
public record SealingProperties(String keyId, String publicKey, List<String> privateKeys, Recipient tracking) {
    public SealingProperties {
        privateKeys = privateKeys == null ? List.of() : List.copyOf(privateKeys);
        tracking = tracking == null ? new Recipient(null, null) : tracking;
    }

    /** Another service's public key, as those who seal for it hold it. */
    public record Recipient(String keyId, String publicKey) {}
}
