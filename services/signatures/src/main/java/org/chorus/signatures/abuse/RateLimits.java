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
 *   <li>per target mailbox and sender network ({@link #confirmationMail}): at most {@code
 *       confirmation-mails-per-address-per-sender-per-hour} confirmation mails to one mailbox from one sender, and at
 *       most {@code confirmation-mails-per-address-per-hour} to it from everyone together, over all links.
 * </ul>
 *
 * A client is known only as HMAC(secret, address + hour), an e-mail address likewise: neither is stored, logged or
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
    private final int mailsPerAddressPerHour;
    private final int mailsPerAddressPerSenderPerHour;
    private final Map<String, AtomicInteger> windows = new ConcurrentHashMap<>();
    private final Set<String> usedProofs = ConcurrentHashMap.newKeySet();
    private volatile long currentHour;
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    RateLimits(
            @Value("${chorus.signatures.link-secret}") String secret,
            @Value("${chorus.signatures.rate.per-client-per-hour:60}") int perClientPerHour,
            @Value("${chorus.signatures.rate.per-link-per-hour:1000}") int perLinkPerHour,
            @Value("${chorus.signatures.rate.proof-of-work-bits:15}") int difficultyBits,
            @Value("${chorus.signatures.rate.confirmation-mails-per-address-per-hour:25}") int mailsPerAddressPerHour,
            @Value("${chorus.signatures.rate.confirmation-mails-per-address-per-sender-per-hour:5}")
                    int mailsPerAddressPerSenderPerHour) {
        this.secret = Base64.getDecoder().decode(secret);
        this.perClientPerHour = perClientPerHour;
        this.perLinkPerHour = perLinkPerHour;
        this.difficultyBits = difficultyBits;
        this.mailsPerAddressPerHour = mailsPerAddressPerHour;
        this.mailsPerAddressPerSenderPerHour = mailsPerAddressPerSenderPerHour;
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

    /**
     * Counts one confirmation mail to this address from this client, and says whether it may be sent. One budget per
     * mailbox alone let whoever spent it first (five forged sign-ons with a victim's address) keep the real signer
     * from ever getting their link that hour. So the budget is kept per mailbox and sender network: an abuser spends
     * only their own share, and the rightful signer, from anywhere else, is still mailed. The overall cap of the
     * mailbox, much larger, only stops bombing from many networks at once. A refusal spends nothing: neither the
     * sender's share nor the mailbox's cap moves for a mail that is not sent.
     */
    public boolean confirmationMail(String email, String clientAddress, Instant now) {
        long hour = now.getEpochSecond() / 3600;
        forgetOlderThan(hour);
        String address = mailbox(email);
        AtomicInteger fromSender = windows.computeIfAbsent(
                hour + "|mail|"
                        + ENCODE.encodeToString(hmac("mail|" + address + "|" + network(clientAddress) + "|" + hour)),
                key -> new AtomicInteger());
        AtomicInteger overall = windows.computeIfAbsent(
                hour + "|mail|" + ENCODE.encodeToString(hmac("mail|" + address + "|" + hour)),
                key -> new AtomicInteger());
        if (!take(fromSender, mailsPerAddressPerSenderPerHour)) {
            return false;
        }
        if (!take(overall, mailsPerAddressPerHour)) {
            fromSender.decrementAndGet();
            return false;
        }
        return true;
    }

    /** One more under {@code limit}, or false (and nothing counted) when the window is full. */
    private static boolean take(AtomicInteger window, int limit) {
        while (true) {
            int used = window.get();
            if (used >= limit) {
                return false;
            }
            if (window.compareAndSet(used, used + 1)) {
                return true;
            }
        }
    }

    /**
     * The sender network a mail budget is kept for: an IPv4 address itself, an IPv6 address's /64 (one host or home
     * is usually given a whole /64, so counting single IPv6 addresses would hand an abuser endless budgets).
     */
    static String network(String clientAddress) {
        if (clientAddress == null || clientAddress.indexOf(':') < 0 || !clientAddress.matches("[0-9A-Fa-f:.]{2,45}")) {
            return clientAddress;
        }
        try {
            byte[] bytes = java.net.InetAddress.getByName(clientAddress).getAddress();
            return bytes.length == 16
                    ? ENCODE.encodeToString(java.util.Arrays.copyOf(bytes, 8)) + "/64"
                    : clientAddress;
        } catch (java.net.UnknownHostException notAnAddress) {
            return clientAddress;
        }
    }

    /**
     * The mailbox an address reaches, for the mail limit: spellings that most mail systems deliver to one mailbox
     * share one budget (case, a quoted local part, a {@code +tag}, a trailing dot on the domain).
     */
    static String mailbox(String email) {
        String address = email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
        int at = address.lastIndexOf('@');
        if (at < 0) {
            return address;
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (local.length() >= 2 && local.startsWith("\"") && local.endsWith("\"")) {
            local = local.substring(1, local.length() - 1);
        }
        int tag = local.indexOf('+');
        if (tag > 0) {
            local = local.substring(0, tag);
        }
        while (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        return local + "@" + domain;
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
