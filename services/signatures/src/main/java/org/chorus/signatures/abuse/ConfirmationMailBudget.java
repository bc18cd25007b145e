package org.chorus.signatures.abuse;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many confirmation mails a mailbox gets, and in which order the ones that must wait go out. Nothing is ever
 * refused here: a mail the budget cannot send now is held (signon.HeldMails) and goes when this budget says so.
 *
 * <ul>
 *   <li>a mailbox gets at most {@code confirmation-mails-per-address-at-once} (10) at once, then one every window /
 *       {@code confirmation-mails-per-address-per-hour} (25 an hour: one every 144 s), however many senders;
 *   <li>within one window (an hour) at most {@code …-per-sender-per-hour} (5) of them come from one sender (an IPv4
 *       address, an IPv6 /64) and at most {@code …-per-network-per-hour} (10) from one network (an IPv4 /24, an IPv6
 *       /48: one site's allocation, where a /64 costs nothing);
 *   <li>a held mail waits in line by the network's mails to that mailbox in the window, then the sender's, then its
 *       age: whoever has not been mailed there recently, the rightful signer most of all, goes first, and the older of
 *       two equals goes first, so that submitting again later does not jump ahead of anyone.
 * </ul>
 *
 * Mailboxes, senders and networks are known only by keyed hashes (HMAC-SHA256 under the link secret; senders and
 * networks per mailbox, so they cannot be followed from one mailbox to another). The counts live in memory and are
 * forgotten a window after their last mail.
 */
@Component
public class ConfirmationMailBudget {
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();

    private final byte[] secret;
    private final Duration window;
    private final int atOnce;
    private final int perSender;
    private final int perNetwork;
    private final Duration pace;
    private final Map<String, Mailbox> mailboxes = new ConcurrentHashMap<>();
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);
    private volatile Instant lastPruned = Instant.EPOCH;

    ConfirmationMailBudget(
            @Value("${chorus.signatures.link-secret}") String secret,
            @Value("${chorus.signatures.rate.confirmation-mail-window:PT1H}") Duration window,
            @Value("${chorus.signatures.rate.confirmation-mails-per-address-per-hour:25}") int perHour,
            @Value("${chorus.signatures.rate.confirmation-mails-per-address-at-once:10}") int atOnce,
            @Value("${chorus.signatures.rate.confirmation-mails-per-address-per-sender-per-hour:5}") int perSender,
            @Value("${chorus.signatures.rate.confirmation-mails-per-address-per-network-per-hour:10}") int perNetwork) {
        this.secret = Base64.getDecoder().decode(secret);
        this.window = window;
        this.atOnce = Math.max(1, atOnce);
        this.perSender = Math.max(1, perSender);
        this.perNetwork = Math.max(1, perNetwork);
        this.pace = window.dividedBy(Math.max(1, perHour));
    }

    /** Who mails whom, as keyed hashes only: the mailbox, and the sender and its network as seen by that mailbox. */
    public record Keys(String mailbox, String sender, String network) {}

    public Keys keys(String email, String clientAddress) {
        String box = mailbox(email);
        return new Keys(
                hash("mailbox|" + box),
                hash("sender|" + box + "|" + sender(clientAddress)),
                hash("network|" + box + "|" + network(clientAddress)));
    }

    /**
     * Spends one mail of the mailbox's budget now, if it has one and this sender and network are under their share;
     * false (and nothing spent) otherwise.
     */
    public boolean take(Keys keys, Instant now) {
        prune(now);
        Mailbox box = mailboxes.computeIfAbsent(keys.mailbox(), key -> new Mailbox(atOnce, now));
        synchronized (box) {
            if (!box.mayTake(keys, now)) {
                return false;
            }
            box.take(keys, now);
            return true;
        }
    }

    /** Gives back a mail taken by {@link #take} that was not sent after all (its transaction rolled back). */
    public void giveBack(Keys keys, Instant takenAt) {
        Mailbox box = mailboxes.get(keys.mailbox());
        if (box != null) {
            synchronized (box) {
                box.giveBack(keys, takenAt);
            }
        }
    }

    /** A mail waiting for its mailbox's budget. */
    public record Waiting<T>(T mail, Keys keys, Instant since) {}

    /**
     * Of mails waiting for one mailbox, the one to send now, its place in the budget already spent; empty when the
     * budget has none or every sender and network waiting is at its share.
     */
    public <T> Optional<Waiting<T>> next(List<Waiting<T>> waiting, Instant now) {
        if (waiting.isEmpty()) {
            return Optional.empty();
        }
        prune(now);
        String mailbox = waiting.get(0).keys().mailbox();
        Mailbox box = mailboxes.computeIfAbsent(mailbox, key -> new Mailbox(atOnce, now));
        synchronized (box) {
            box.forget(now.minus(window));
            Optional<Waiting<T>> first = waiting.stream()
                    .filter(mail -> box.mayTake(mail.keys(), now))
                    .min(Comparator.<Waiting<T>>comparingInt(mail -> box.fromNetwork(mail.keys()))
                            .thenComparingInt(mail -> box.fromSender(mail.keys()))
                            .thenComparing(Waiting::since));
            first.ifPresent(mail -> box.take(mail.keys(), now));
            return first;
        }
    }

    /** The mailbox keys held in memory now (for tests: they never contain an address). */
    Set<String> mailboxKeys() {
        return Set.copyOf(mailboxes.keySet());
    }

    /**
     * One mailbox's budget: a bucket of {@code atOnce} mails that refills one every {@code pace}, and the mails of the
     * last window with their sender and network.
     */
    private final class Mailbox {
        private double tokens;
        private Instant filledAt;
        private final Deque<Sent> sent = new ArrayDeque<>();

        Mailbox(int tokens, Instant now) {
            this.tokens = tokens;
            this.filledAt = now;
        }

        private record Sent(Instant at, String sender, String network) {}

        boolean mayTake(Keys keys, Instant now) {
            refill(now);
            forget(now.minus(window));
            return tokens >= 1 && fromSender(keys) < perSender && fromNetwork(keys) < perNetwork;
        }

        void take(Keys keys, Instant now) {
            tokens -= 1;
            sent.addLast(new Sent(now, keys.sender(), keys.network()));
        }

        void giveBack(Keys keys, Instant takenAt) {
            if (sent.removeIf(mail -> mail.at().equals(takenAt) && mail.sender().equals(keys.sender()))) {
                tokens = Math.min(atOnce, tokens + 1);
            }
        }

        int fromSender(Keys keys) {
            return (int) sent.stream()
                    .filter(mail -> mail.sender().equals(keys.sender()))
                    .count();
        }

        int fromNetwork(Keys keys) {
            return (int) sent.stream()
                    .filter(mail -> mail.network().equals(keys.network()))
                    .count();
        }

        void forget(Instant before) {
            while (!sent.isEmpty() && !sent.peekFirst().at().isAfter(before)) {
                sent.removeFirst();
            }
        }

        private void refill(Instant now) {
            if (now.isAfter(filledAt)) {
                tokens = Math.min(
                        atOnce,
                        tokens + (double) Duration.between(filledAt, now).toNanos() / pace.toNanos());
                filledAt = now;
            }
        }

        boolean idleSince(Instant before) {
            refill(before.plus(window));
            return sent.isEmpty() || !sent.peekLast().at().isAfter(before);
        }
    }

    private void prune(Instant now) {
        if (Duration.between(lastPruned, now).compareTo(window) < 0) {
            return;
        }
        lastPruned = now;
        Instant before = now.minus(window);
        mailboxes.values().removeIf(box -> {
            synchronized (box) {
                return box.idleSince(before) && box.tokens >= atOnce;
            }
        });
    }

    /**
     * The sender a share is kept for: an IPv4 address itself, an IPv6 address's /64 (one host or home is usually given
     * a whole /64, so counting single IPv6 addresses would hand an abuser endless shares).
     */
    static String sender(String clientAddress) {
        return prefix(clientAddress, 32, 64);
    }

    /**
     * The network a share is kept for, and the line is ordered by: an IPv4 /24, an IPv6 /48 (a site's usual
     * allocation: its 65,536 /64s are one network here).
     */
    static String network(String clientAddress) {
        return prefix(clientAddress, 24, 48);
    }

    private static String prefix(String clientAddress, int ipv4Bits, int ipv6Bits) {
        byte[] bytes = clientAddress == null ? null : literal(clientAddress);
        if (bytes == null) {
            return String.valueOf(clientAddress);
        }
        int bits = bytes.length == 16 ? ipv6Bits : ipv4Bits;
        for (int bit = bits; bit < bytes.length * 8; bit++) {
            bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return ENCODE.encodeToString(bytes) + "/" + bits;
    }

    /** The bytes of an IP address literal, or null; never a name lookup. */
    private static byte[] literal(String address) {
        if (address.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            byte[] bytes = new byte[4];
            String[] parts = address.split("\\.");
            for (int i = 0; i < 4; i++) {
                int part = Integer.parseInt(parts[i]);
                if (part > 255) {
                    return null;
                }
                bytes[i] = (byte) part;
            }
            return bytes;
        }
        if (address.indexOf(':') < 0 || !address.matches("[0-9A-Fa-f:.]{2,45}")) {
            return null;
        }
        try {
            // a literal with a colon is parsed as IPv6, never looked up
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException notAnAddress) {
            return null;
        }
    }

    /**
     * The mailbox an address reaches: spellings that most mail systems deliver to one mailbox share one budget (case,
     * a quoted local part, a {@code +tag}, a trailing dot on the domain).
     */
    static String mailbox(String email) {
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
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

    private String hash(String message) {
        return ENCODE.encodeToString(macs.get().doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

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
