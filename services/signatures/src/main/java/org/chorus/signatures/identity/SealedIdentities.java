package org.chorus.signatures.identity;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.chorus.platform.sealing.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Envelope encryption of withheld signers' identities: each statement has its own AES-256 data key, stored only
 * wrapped (AES-GCM) by the master key from {@code chorus.signatures.master-key}; each identity is sealed with
 * AES-GCM under the data key, bound to its signature id. Only the coordinator API opens them.
 */
@Service
public class SealedIdentities {
    private static final Logger log = LoggerFactory.getLogger(SealedIdentities.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecretKey masterKey;

    SealedIdentities(JdbcClient jdbc, Clock clock, Environment environment) {
        this.jdbc = jdbc;
        this.clock = clock;
        byte[] key = Secrets.key(environment, "chorus.signatures.master-key");
        if (key.length != 32) {
            throw new IllegalStateException("chorus.signatures.master-key must be 32 bytes, base64-encoded");
        }
        this.masterKey = new SecretKeySpec(key, "AES");
        if (Secrets.isDevelopmentKey(key)) {
            log.warn("chorus.signatures.master-key is the published development key: set a key of your own"
                    + " before storing real signatures");
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public byte[] seal(UUID statementId, UUID signatureId, Identity identity) {
        return encrypt(dataKey(statementId), aad(signatureId), serialise(identity));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Identity open(UUID statementId, UUID signatureId, byte[] sealed) {
        return deserialise(decrypt(dataKey(statementId), aad(signatureId), sealed));
    }

    private SecretKey dataKey(UUID statementId) {
        byte[] wrapped = jdbc.sql("select wrapped_key from statement_key where statement_id = ?")
                .param(statementId)
                .query(byte[].class)
                .optional()
                .orElseGet(() -> createDataKey(statementId));
        return new SecretKeySpec(decrypt(masterKey, aad(statementId), wrapped), "AES");
    }

    private byte[] createDataKey(UUID statementId) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        jdbc.sql("""
                        insert into statement_key (statement_id, wrapped_key, created_at) values (?, ?, ?)
                        on conflict (statement_id) do nothing""")
                .params(statementId, encrypt(masterKey, aad(statementId), key), Timestamp.from(clock.instant()))
                .update();
        return jdbc.sql("select wrapped_key from statement_key where statement_id = ?")
                .param(statementId)
                .query(byte[].class)
                .single();
    }

    private static byte[] aad(UUID id) {
        return ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }

    private static byte[] encrypt(SecretKey key, byte[] aad, byte[] plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad);
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(IV_BYTES + sealed.length)
                    .put(iv)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    private static byte[] decrypt(SecretKey key, byte[] aad, byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            cipher.updateAAD(aad);
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed", e);
        }
    }

    static byte[] serialise(Identity identity) {
        try (var bytes = new ByteArrayOutputStream();
                var out = new DataOutputStream(bytes)) {
            for (String field :
                    new String[] {identity.name(), identity.qualifier(), identity.email(), identity.contactName()}) {
                out.writeBoolean(field != null);
                if (field != null) {
                    byte[] utf8 = field.getBytes(StandardCharsets.UTF_8);
                    out.writeInt(utf8.length);
                    out.write(utf8);
                }
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Identities sealed before the contact name existed end after the e-mail: their contact name is null. */
    static Identity deserialise(byte[] plain) {
        try (var in = new DataInputStream(new ByteArrayInputStream(plain))) {
            String[] fields = new String[4];
            for (int i = 0; i < fields.length && in.available() > 0; i++) {
                if (in.readBoolean()) {
                    fields[i] = new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
                }
            }
            return new Identity(fields[0], fields[1], fields[2], fields[3]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
