package org.chorus.platform.sealing;

import com.google.crypto.tink.HybridEncrypt;
import java.security.GeneralSecurityException;

/**
 * Seals for one receiving service with its public key: whoever holds a Sealer can seal but not open. The context is
 * bound to the ciphertext (HPKE info), so a sealed value opens only under the same context.
 */
public final class Sealer {
    private final String keyId;
    private final HybridEncrypt encrypt;

    public Sealer(String keyId, byte[] publicKey) {
        if (keyId == null || keyId.isBlank()) {
            throw new IllegalArgumentException("a sealing key needs a key id");
        }
        this.keyId = keyId;
        this.encrypt = Hpke.encrypter(publicKey);
    }

    public String keyId() {
        return keyId;
    }

    public byte[] seal(byte[] plaintext, byte[] context) {
        try {
            return encrypt.encrypt(plaintext, context);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }
}
