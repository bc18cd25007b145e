package org.chorus.platform.sealing;

import com.google.crypto.tink.HybridDecrypt;
import com.google.crypto.tink.HybridEncrypt;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.Key;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.hybrid.HpkeParameters;
import com.google.crypto.tink.hybrid.HpkePrivateKey;
import com.google.crypto.tink.hybrid.HpkePublicKey;
import com.google.crypto.tink.hybrid.HybridConfig;
import com.google.crypto.tink.subtle.X25519;
import com.google.crypto.tink.util.Bytes;
import com.google.crypto.tink.util.SecretBytes;
import java.security.GeneralSecurityException;

/**
 * HPKE (RFC 9180) through Google Tink, in one suite: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM, base
 * mode, no Tink prefix (the key id travels beside the ciphertext). Keys are raw 32-byte X25519 keys.
 */
final class Hpke {
    static final HpkeParameters PARAMETERS;

    static {
        try {
            HybridConfig.register();
            PARAMETERS = HpkeParameters.builder()
                    .setKemId(HpkeParameters.KemId.DHKEM_X25519_HKDF_SHA256)
                    .setKdfId(HpkeParameters.KdfId.HKDF_SHA256)
                    .setAeadId(HpkeParameters.AeadId.AES_256_GCM)
                    .setVariant(HpkeParameters.Variant.NO_PREFIX)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static HybridEncrypt encrypter(byte[] publicKey) {
        try {
            return primitive(publicKey(publicKey), HybridEncrypt.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an X25519 public key", e);
        }
    }

    static HybridDecrypt decrypter(byte[] privateKey) {
        try {
            HpkePrivateKey key = HpkePrivateKey.create(
                    publicKey(publicFromPrivate(privateKey)),
                    SecretBytes.copyFrom(privateKey, InsecureSecretKeyAccess.get()));
            return primitive(key, HybridDecrypt.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an X25519 private key", e);
        }
    }

    static byte[] publicFromPrivate(byte[] privateKey) {
        try {
            return X25519.publicFromPrivate(privateKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an X25519 private key", e);
        }
    }

    private static HpkePublicKey publicKey(byte[] raw) throws GeneralSecurityException {
        return HpkePublicKey.create(PARAMETERS, Bytes.copyFrom(raw), null);
    }

    private static <P> P primitive(Key key, Class<P> type) throws GeneralSecurityException {
        return KeysetHandle.newBuilder()
                .addEntry(KeysetHandle.importKey(key).withRandomId().makePrimary())
                .build()
                .getPrimitive(RegistryConfiguration.get(), type);
    }

    private Hpke() {}
}
