package org.chorus.signatures.invitations;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.chorus.platform.sealing.Secrets;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The token in an invitation link: the invitation id and an expiry, signed with HMAC-SHA256 under
 * {@code chorus.signatures.link-secret} and bound to the statement. Nothing needs storing to check one.
 */
@Component
class InvitationLinks {
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final byte[] secret;

    InvitationLinks(Environment environment) {
        this.secret = Secrets.key(environment, "chorus.signatures.link-secret");
    }

    sealed interface Check {}

    record Valid(UUID invitationId) implements Check {}

    record Expired(UUID invitationId) implements Check {}

    record Forged() implements Check {}

    String token(UUID statementId, UUID invitationId, Instant expiresAt) {
        byte[] payload = ByteBuffer.allocate(24)
                .putLong(invitationId.getMostSignificantBits())
                .putLong(invitationId.getLeastSignificantBits())
                .putLong(expiresAt.getEpochSecond())
                .array();
        return ENCODE.encodeToString(payload) + "." + ENCODE.encodeToString(mac(statementId, payload));
    }

    Check check(UUID statementId, String token, Instant now) {
        if (token == null) {
            return new Forged();
        }
        int dot = token.indexOf('.');
        if (dot < 0) {
            return new Forged();
        }
        try {
            byte[] payload = DECODE.decode(token.substring(0, dot));
            byte[] signature = DECODE.decode(token.substring(dot + 1));
            if (payload.length != 24 || !MessageDigest.isEqual(signature, mac(statementId, payload))) {
                return new Forged();
            }
            ByteBuffer buffer = ByteBuffer.wrap(payload);
            UUID id = new UUID(buffer.getLong(), buffer.getLong());
            Instant expiresAt = Instant.ofEpochSecond(buffer.getLong());
            return now.isAfter(expiresAt) ? new Expired(id) : new Valid(id);
        } catch (IllegalArgumentException notBase64) {
            return new Forged();
        }
    }

    private byte[] mac(UUID statementId, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(("invitation|" + statementId + "|").getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(mac.doFinal(payload), 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
