package org.chorus.platform.sealing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals what a service keeps at rest for itself alone, such as distribution's mail waiting to be sent: AES-256-GCM
 * under a key derived (HKDF-SHA256, RFC 5869) from each of the service's private keys, named by that key's id. The
 * first key seals, every key still opens, so rotating the private keys rotates this too. The context is bound as
 * associated data: a sealed value opens only in the row it was sealed for. Symmetric, so that sealing every row of a
 * large release costs microseconds, not a key agreement each.
 */
public final class AtRest {
    private static final byte[] SALT = "chorus.at-rest.v1".getBytes(StandardCharsets.UTF_8);
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final String currentKeyId;
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /** @param privateKeys the service's private keys by id, the current one first */
    public AtRest(Map<String, byte[]> privateKeys) {
        if (privateKeys.isEmpty()) {
            throw new IllegalArgumentException("sealing at rest needs a key");
        }
        privateKeys.forEach((keyId, key) -> keys.put(keyId, new SecretKeySpec(derive(key, keyId), "AES")));
        this.currentKeyId = privateKeys.keySet().iterator().next();
    }

    public record Sealed(String keyId, byte[] bytes) {}

    public Sealed seal(byte[] plaintext, byte[] context) {
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context);
            byte[] sealed = cipher.doFinal(plaintext);
            return new Sealed(
                    currentKeyId,
                    ByteBuffer.allocate(NONCE + sealed.length)
                            .put(nonce)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    /** @throws Opener.SealedValueRefused for an unknown key id, an altered value or another context */
    public byte[] open(String keyId, byte[] sealed, byte[] context) {
        SecretKeySpec key = keyId == null ? null : keys.get(keyId);
        if (key == null) {
            throw new Opener.SealedValueRefused("no key with id '" + keyId + "'");
        }
        if (sealed == null || sealed.length < NONCE) {
            throw new Opener.SealedValueRefused("not a sealed value");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE));
            cipher.updateAAD(context);
            return cipher.doFinal(sealed, NONCE, sealed.length - NONCE);
        } catch (GeneralSecurityException e) {
            throw new Opener.SealedValueRefused("does not open under key '" + keyId + "'");
        }
    }

    /** HKDF-SHA256 with one block of output: PRK = HMAC(salt, key); OKM = HMAC(PRK, info || 0x01). */
    private static byte[] derive(byte[] key, String keyId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SALT, "HmacSHA256"));
            byte[] prk = mac.doFinal(key);
            mac.init(new SecretKeySpec(prk, "HmacSHA256"));
            mac.update(keyId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 1);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
