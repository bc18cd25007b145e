package org.chorus.platform.sealing;

import com.google.crypto.tink.HybridDecrypt;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Opens what was sealed to the receiving service, with every private key it still holds, chosen by key id: during a
 * rotation the new key seals while the old one still opens what is left on the topics.
 */
public final class Opener {
    private final Map<String, HybridDecrypt> byKeyId = new HashMap<>();

    public Opener(Map<String, byte[]> privateKeys) {
        privateKeys.forEach((keyId, key) -> byKeyId.put(keyId, Hpke.decrypter(key)));
    }

    public Set<String> keyIds() {
        return Set.copyOf(byKeyId.keySet());
    }

    /** @throws SealedValueRefused for an unknown key id, a tampered ciphertext or another context */
    public byte[] open(String keyId, byte[] sealed, byte[] context) {
        HybridDecrypt decrypt = keyId == null ? null : byKeyId.get(keyId);
        if (decrypt == null) {
            throw new SealedValueRefused("no private key with id '" + keyId + "'");
        }
        try {
            return decrypt.decrypt(sealed, context);
        } catch (GeneralSecurityException e) {
            throw new SealedValueRefused("does not open under key '" + keyId + "'");
        }
    }

    public static final class SealedValueRefused extends RuntimeException {
        SealedValueRefused(String message) {
            super(message);
        }
    }
}
