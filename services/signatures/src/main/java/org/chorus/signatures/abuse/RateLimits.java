package org.chorus.signatures.abuse;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Hourly windows, held only in memory, that slow an abuser without shutting out anyone else:
 *
 * <ul>
 *   <li>per client: every attempt counts, refused ones too, so a flood spends only its sender's budget; past
 *       {@code per-client-per-hour} a client needs a small proof of work;
 *   <li>per sign-on link: only accepted submissions count ({@link #accepted}); once {@code per-link-per-hour} were
 *       accepted, a client's first attempt of the hour is still free (a signer without JavaScript still signs once),
 *       later ones need the proof of work;
 * </ul>
 *
 * How many confirmation mails one mailbox gets is {@link ConfirmationMailBudget}'s: it holds mail, never refuses it.
 *
 * A client is known only as HMAC(secret, address + hour): it is not stored, logged or
 * persisted, and the key changes every hour. The proof of work is solved by a same-origin script; without JavaScript
 * the page says to try again later.
 */
@Component
public class RateLimits {
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();

    private final byte[] secret;
    private final int perClientPerHour;
    private final int perLinkPerHour;
    private final int difficultyBits;
    private final Map<String, AtomicInteger> windows = new ConcurrentHashMap<>();
    private final Set<String> usedProofs = ConcurrentHashMap.newKeySet();
    private volatile long currentHour;
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    RateLimits(
            @Value("${chorus.signatures.link-secret}") String secret,
            @Value("${chorus.signatures.rate.per-client-per-hour:60}") int perClientPerHour,
            @Value("${chorus.signatures.rate.per-link-per-hour:1000}") int perLinkPerHour,
            @Value("${chorus.signatures.rate.proof-of-work-bits:15}") int difficultyBits) {
        this.secret = Base64.getDecoder().decode(secret);
        this.perClientPerHour = perClientPerHour;
        this.perLinkPerHour = perLinkPerHour;
        this.difficultyBits = difficultyBits;
    }

    public enum Verdict {
        ALLOWED,
        PROOF_NEEDED
    }

    /**
     * Counts one attempt from this client (on the client's budget only) and says whether it may go ahead without a
     * proof of work. The link's budget is spent by {@link #accepted} alone.
     */
    public Verdict submission(UUID statementId, String clientAddress, Instant now) {
        long hour = now.getEpochSecond() / 3600;
        forgetOlderThan(hour);
        int fromClient = windows.computeIfAbsent(
                        hour + "|client|" + clientKey(clientAddress, hour), key -> new AtomicInteger())
                .incrementAndGet();
        AtomicInteger onLink = windows.get(hour + "|link|" + statementId);
        boolean linkBusy = onLink != null && onLink.get() >= perLinkPerHour;
        return fromClient > perClientPerHour || (linkBusy && fromClient > 1) ? Verdict.PROOF_NEEDED : Verdict.ALLOWED;
    }

    /** Spends one of the link's hourly budget: a submission was accepted and stored. */
    public void accepted(UUID statementId, Instant now) {
        long hour = now.getEpochSecond() / 3600;
        windows.computeIfAbsent(hour + "|link|" + statementId, key -> new AtomicInteger())
                .incrementAndGet();
    }

    /** A puzzle bound to the statement and the hour: find a nonce so that SHA-256(challenge:nonce) starts with zero bits. */
    public String challenge(UUID statementId, Instant now) {
        long hour = now.getEpochSecond() / 3600;
        return hour + "." + ENCODE.encodeToString(hmac("pow|" + statementId + "|" + hour));
    }

    public int difficultyBits() {
        return difficultyBits;
    }

    /** True for a solved puzzle of this or the previous hour, each solution accepted once. */
    public boolean proofValid(UUID statementId, String challenge, String nonce, Instant now) {
        if (challenge == null || nonce == null || nonce.isEmpty() || nonce.length() > 32) {
            return false;
        }
        long hour = now.getEpochSecond() / 3600;
        boolean known = challenge.equals(challenge(statementId, now))
                || challenge.equals(challenge(statementId, Instant.ofEpochSecond((hour - 1) * 3600)));
        if (!known || leadingZeroBits(sha256(challenge + ":" + nonce)) < difficultyBits) {
            return false;
        }
        return usedProofs.add(challenge + ":" + nonce);
    }

    /** The window keys held now (for tests: they never contain an address). */
    Set<String> windowKeys() {
        return Set.copyOf(windows.keySet());
    }

    static int leadingZeroBits(byte[] hash) {
        int bits = 0;
        for (byte b : hash) {
            if (b == 0) {
                bits += 8;
                continue;
            }
            return bits + Integer.numberOfLeadingZeros(b & 0xff) - 24;
        }
        return bits;
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String clientKey(String clientAddress, long hour) {
        return ENCODE.encodeToString(hmac("client|" + clientAddress + "|" + hour));
    }

    private void forgetOlderThan(long hour) {
        if (hour != currentHour) {
            currentHour = hour;
            String prefix = hour + "|";
            windows.keySet().removeIf(key -> !key.startsWith(prefix));
            usedProofs.removeIf(proof -> !proof.startsWith(hour + ".") && !proof.startsWith((hour - 1) + "."));
        }
    }

    private byte[] hmac(String message) {
        return macs.get().doFinal(message.getBytes(StandardCharsets.UTF_8));
    }

    /** One keyed Mac per request thread: looking the algorithm up and keying it anew took 3 % of a submission. */
    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
