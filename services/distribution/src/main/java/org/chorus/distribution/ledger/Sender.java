package org.chorus.distribution.ledger;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.chorus.distribution.AddressKey;
import org.chorus.events.EventTypes;
import org.chorus.events.MailDelivered;
import org.chorus.events.MailFailed;
import org.chorus.platform.outbox.Outbox;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due ledger rows, exactly once as far as SMTP allows.
 *
 * <p>A row is claimed (PLANNED to SENDING, with {@code claimed_by} this instance and claim and {@code claimed_at} the
 * lease start) and committed before its mail leaves. Right before each message the lease is renewed, which fails if
 * another claim (of any instance) took the row over, and the suppression list is checked again. Each accepted message
 * is marked SENT at once, in the transaction that renews the lease of the next one. A crash leaves at most the message
 * in flight SENDING: once its lease expires, any instance re-examines it, records the decision in
 * {@code delivery_recovery}, and sends it again with the same Message-ID so that a receiver that did get the first copy
 * drops the second. A stop lets the message in flight finish and puts the rest of its claim back.
 *
 * <p>{@code chorus.mail.connections} threads each hold their own SMTP connection per batch and share one rate limit of
 * {@code chorus.mail.rate-per-second} messages. Temporary failures are retried with exponential back-off, permanent
 * ones (5xx, unparsable address) are recorded as FAILED at once.
 */
@Component
class Sender implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(Sender.class);
    private static final int MAX_ATTEMPTS = 5;
    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
    private static final String PLAIN_TEXT = "text/plain; charset=UTF-8";
    private static final String COLUMNS = """
            id, kind, request_id, template, release_id, contact_id, event_subject, recipient_address, recipient_name,
            mail_subject, body, (select b.body from delivery_body b where b.id = delivery.body_id) as shared_body,
            message_id, unsubscribe_url, attempts, sealed, sealed_key_id""";

    static {
        // Jakarta Mail 2.1 looks up its StreamProvider through ServiceLoader for every encoded header word and every
        // body part it writes (jakartaee/mail-api#861); in an executable jar that scan of the class path took half of
        // the sender's CPU. Naming the implementation (the API's own system property) skips the scan.
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final JavaMailSenderImpl mail;
    private final Outbox outbox;
    private final RequestSuppressions requestSuppressions;
    private final AddressKey key;
    private final Redaction redaction;
    private final MailAtRest atRest;
    private final Clock clock;
    private final InternetAddress from;
    private final String unsubscribeMailbox;
    private final int batchSize;
    private final long idleMillis;
    private final long retryMillis;
    private final int connections;
    private final Duration lease;
    private final AtomicLong claims = new AtomicLong();
    private final RateLimit rate;
    private final Semaphore wakeUp = new Semaphore(0);
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running;
    private volatile String instanceId = "not-started";

    Sender(
            JdbcClient jdbc,
            TransactionTemplate tx,
            JavaMailSenderImpl mail,
            Outbox outbox,
            RequestSuppressions requestSuppressions,
            AddressKey key,
            Redaction redaction,
            MailAtRest atRest,
            Clock clock,
            @Value("${chorus.mail.from:chorus@localhost}") String from,
            @Value("${chorus.mail.unsubscribe-mailbox:${chorus.mail.imap.user:bounces@localhost}}")
                    String unsubscribeMailbox,
            @Value("${chorus.mail.batch-size:50}") int batchSize,
            @Value("${chorus.mail.idle-poll-ms:200}") long idleMillis,
            @Value("${chorus.mail.retry-initial-ms:30000}") long retryMillis,
            @Value("${chorus.mail.connections:2}") int connections,
            @Value("${chorus.mail.rate-per-second:0}") double ratePerSecond,
            @Value("${chorus.mail.lease-seconds:120}") long leaseSeconds)
            throws MessagingException {
        this.jdbc = jdbc;
        this.tx = tx;
        this.mail = mail;
        this.outbox = outbox;
        this.requestSuppressions = requestSuppressions;
        this.key = key;
        this.redaction = redaction;
        this.atRest = atRest;
        this.clock = clock;
        this.from = new InternetAddress(from, true);
        this.unsubscribeMailbox = unsubscribeMailbox;
        this.batchSize = batchSize;
        this.idleMillis = idleMillis;
        this.retryMillis = retryMillis;
        this.connections = Math.max(1, connections);
        this.lease = Duration.ofSeconds(leaseSeconds);
        this.rate = new RateLimit(ratePerSecond);
    }

    void wake() {
        if (wakeUp.availablePermits() < connections) {
            wakeUp.release();
        }
    }

    /** Changes the rate limit while running (0 = no limit). */
    void ratePerSecond(double perSecond) {
        rate.perSecond(perSecond);
    }

    String instanceId() {
        return instanceId;
    }

    /**
     * Claims up to {@code limit} rows for {@code owner} at {@code now}: rows due for sending, and rows left SENDING
     * under a lease that expired before {@code now}. For the latter the decision to send again is recorded.
     */
    List<Delivery> claim(String owner, Instant now, int limit) {
        Timestamp at = Timestamp.from(now);
        Timestamp expiredBefore = Timestamp.from(now.minus(lease));
        List<Delivery> claimed = tx.execute(status -> {
            // one statement locks the expired rows, records the decision to resend each and claims them
            List<Delivery> rows = new ArrayList<>(jdbc
                    .sql("""
                            with expired as (
                                select id as expired_id, claimed_by as previous_owner, claimed_at as lease_since
                                from delivery where status = 'SENDING' and claimed_at < ?
                                order by claimed_at, id limit ? for update skip locked),
                            recorded as (
                                insert into delivery_recovery (delivery_id, previous_owner, lease_since, decided_by,
                                                               decision, decided_at)
                                select expired_id, previous_owner, lease_since, ?, 'RESEND_WITH_SAME_MESSAGE_ID', ?
                                from expired)
                            update delivery set claimed_by = ?, claimed_at = ?
                            from expired where delivery.id = expired.expired_id
                            returning %s""".formatted(COLUMNS))
                    .params(expiredBefore, limit, owner, at, owner, at)
                    .query(Claimed.class)
                    .list()
                    .stream()
                    .map(this::opened)
                    .toList());
            if (!rows.isEmpty()) {
                log.warn(
                        "{} deliveries were found SENDING under an expired lease; sending them again with their"
                                + " Message-ID so that receivers can drop a copy",
                        rows.size());
            }
            if (rows.size() < limit) {
                rows.addAll(jdbc
                        .sql("""
                                update delivery set status = 'SENDING', claimed_by = ?, claimed_at = ?
                                where id in (select id from delivery
                                             where status = 'PLANNED' and not wait_for_embargo and next_attempt_at <= ?
                                               and (sealed is not null or recipient_address is not null)
                                             order by next_attempt_at, id limit ? for update skip locked)
                                returning %s""".formatted(COLUMNS))
                        .params(owner, at, at, limit - rows.size())
                        .query(Claimed.class)
                        .list()
                        .stream()
                        .map(this::opened)
                        .toList());
            }
            return rows;
        });
        return claimed == null
                ? List.of()
                : claimed.stream()
                        .sorted((a, b) -> Long.compare(a.id(), b.id()))
                        .toList();
    }

    /** A claimed row as stored: its personal part sealed (or, written before sealing, in the clear). */
    private record Claimed(
            long id,
            String kind,
            UUID requestId,
            String template,
            UUID releaseId,
            UUID contactId,
            String eventSubject,
            String recipientAddress,
            String recipientName,
            String mailSubject,
            String body,
            String sharedBody,
            String messageId,
            String unsubscribeUrl,
            int attempts,
            byte[] sealed,
            String sealedKeyId) {}

    /**
     * Opens a claimed row's personal part, in memory only, right before it is sent; a row shares its release's body
     * followed by its unsubscribe link, as {@code ReleaseMail.withLink} writes it. A part that does not open (its key
     * was removed too early) leaves the address empty, and the row is recorded as failed at its renewal.
     */
    private Delivery opened(Claimed row) {
        String address = row.recipientAddress();
        String name = row.recipientName();
        String body = row.body();
        String unsubscribeUrl = row.unsubscribeUrl();
        if (row.sealed() != null) {
            try {
                MailAtRest.Personal personal = atRest.open(row.messageId(), row.sealedKeyId(), row.sealed());
                address = personal.address();
                name = personal.name();
                body = personal.body();
                unsubscribeUrl = personal.unsubscribeUrl();
            } catch (RuntimeException doesNotOpen) {
                log.warn("Delivery {} does not open ({}); recording it as failed", row.id(), doesNotOpen.toString());
                address = null;
            }
        }
        if (body == null) {
            body = row.sharedBody() == null ? "" : row.sharedBody() + unsubscribeUrl + "\n";
        }
        return new Delivery(
                row.id(),
                row.kind(),
                row.requestId(),
                row.template(),
                row.releaseId(),
                row.contactId(),
                row.eventSubject(),
                address,
                name,
                row.mailSubject(),
                body,
                row.messageId(),
                unsubscribeUrl,
                row.attempts());
    }

    /** Sends one batch of due mails; returns how many rows it claimed. */
    int sendDue() {
        String owner = newOwner();
        List<Delivery> claimed = claim(owner, clock.instant(), batchSize);
        if (!claimed.isEmpty()) {
            send(claimed, owner);
        }
        return claimed.size();
    }

    /**
     * Each claim is its own owner: rows of a batch whose lease ran out while it waited (for the rate limit, or for the
     * database) and that another claim took over, even one of this instance, fail their renewal and are left to it.
     */
    String newOwner() {
        return instanceId + "#" + claims.incrementAndGet();
    }

    /** Sends the rows {@code owner} claimed, each only while it is still theirs; the rest are given back at the end. */
    void send(List<Delivery> claimed, String owner) {
        List<Delivery> remaining = new ArrayList<>(claimed);
        Transport transport = null;
        try {
            transport = connect();
            boolean eightBit = offers8BitMime(transport);
            Delivery next = nextStillMine(remaining, owner, null);
            boolean reconnected = false;
            while (next != null && running) {
                long waited = rate.acquire();
                if (waited < 0) {
                    break;
                }
                // checked again after waiting for the rate limit or for a new connection, so still right before sending
                if ((waited > 0 || reconnected) && (next = nextStillMine(remaining, owner, null)) == null) {
                    break;
                }
                reconnected = false;
                Delivery delivery = remaining.remove(0);
                SmtpFailure failure = null;
                try {
                    MimeMessage message = message(delivery, eightBit);
                    transport.sendMessage(message, message.getAllRecipients());
                } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
                    failure = SmtpFailure.of(e);
                }
                SmtpFailure outcome = failure;
                // accepted by SMTP: if recording that fails, the row stays SENDING and its lease decides, never a
                // resend as a failure
                next = nextStillMine(remaining, owner, () -> {
                    if (outcome == null) {
                        markSent(delivery);
                    } else {
                        markFailed(delivery, outcome);
                    }
                });
                if (failure != null && !transport.isConnected()) {
                    transport = connect();
                    eightBit = offers8BitMime(transport);
                    reconnected = true;
                }
            }
        } catch (MessagingException e) {
            SmtpFailure failure = SmtpFailure.of(e);
            List<Delivery> unsent = List.copyOf(remaining);
            remaining.clear();
            tx.executeWithoutResult(status -> unsent.forEach(delivery -> markFailed(delivery, failure.temporary())));
        } finally {
            close(transport);
            giveBack(remaining, owner);
        }
    }

    private Transport connect() throws MessagingException {
        Transport transport = mail.getSession().getTransport(mail.getProtocol() == null ? "smtp" : mail.getProtocol());
        transport.connect(mail.getHost(), mail.getPort(), mail.getUsername(), mail.getPassword());
        return transport;
    }

    private static void close(Transport transport) {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                log.debug("closing the SMTP connection: {}", e.toString());
            }
        }
    }

    /**
     * In one transaction: records the outcome of the message just sent, if any, then renews the lease of the first of
     * {@code remaining} right before it is sent. Rows taken over by another instance, suppressed or cancelled since they
     * were claimed are dropped from {@code remaining} once that commits (the latter two recorded), and the next one is
     * tried. Returns the row to send next, still first in {@code remaining}, or null when none is left. Should the
     * renewal fail, the outcome is recorded again on its own before the failure goes on, so that a mail that left is
     * not sent a second time when its lease runs out.
     */
    private Delivery nextStillMine(List<Delivery> remaining, String owner, Runnable outcomeOfPrevious) {
        int[] dropped = {0};
        Delivery next;
        try {
            next = tx.execute(status -> {
                dropped[0] = 0;
                boolean durable = outcomeOfPrevious != null;
                if (outcomeOfPrevious != null) {
                    outcomeOfPrevious.run();
                }
                for (Delivery delivery : remaining) {
                    Renewal renewal = renew(delivery, owner);
                    if (renewal == Renewal.SEND) {
                        if (!durable) {
                            // only leases were renewed: a database crash would make the sender decide again, so no
                            // fsync wait; a recorded outcome or skip waits for the disk as always
                            jdbc.sql("set local synchronous_commit = off").update();
                        }
                        return delivery;
                    }
                    dropped[0]++;
                    durable |= renewal == Renewal.SKIP_RECORDED;
                }
                return null;
            });
        } catch (RuntimeException e) {
            if (outcomeOfPrevious != null) {
                try {
                    tx.executeWithoutResult(status -> outcomeOfPrevious.run());
                } catch (RuntimeException again) {
                    e.addSuppressed(again);
                }
            }
            throw e;
        }
        remaining.subList(0, dropped[0]).clear();
        return next;
    }

    private enum Renewal {
        SEND,
        TAKEN_OVER,
        SKIP_RECORDED
    }

    /** Renews the lease of one claimed row and checks it may still go out; a suppressed or cancelled row is recorded. */
    private Renewal renew(Delivery delivery, String owner) {
        Timestamp now = Timestamp.from(clock.instant());
        if (delivery.recipientAddress() == null) {
            return skip(delivery, "FAILED", "its sealed part does not open under any key held");
        }
        if (delivery.requested()) {
            int renewed = jdbc.sql("""
                            update delivery set claimed_at = ?
                            where id = ? and claimed_by = ? and status = 'SENDING'""").params(now, delivery.id(), owner).update();
            if (renewed == 0) {
                return Renewal.TAKEN_OVER;
            }
            Optional<String> suppressed =
                    requestSuppressions.reasonFor(delivery.recipientAddress(), delivery.template());
            if (suppressed.isPresent()) {
                skip(delivery, "SUPPRESSED", suppressed.get());
                outbox.append(
                        EventTypes.MAIL_FAILED,
                        delivery.eventSubject(),
                        delivery.eventKey(),
                        new MailFailed(delivery.requestId(), delivery.template(), suppressed.get(), true));
                return Renewal.SKIP_RECORDED;
            }
            return Renewal.SEND;
        }
        Optional<ReleaseRowNow> row = jdbc.sql("""
                        update delivery d set claimed_at = ?
                        where id = ? and claimed_by = ? and status = 'SENDING'
                        returning exists (select 1 from release r where r.id = d.release_id and r.state = 'CANCELLED')
                                      as cancelled,
                                  coalesce(address_suppressed(cast(? as text), ?, ?), false)
                                      or exists (select 1 from contact c where c.id = d.contact_id
                                                 and (c.removed_at is not null or c.unsubscribed_at is not null))
                                      as suppressed""")
                .params(now, delivery.id(), owner, delivery.recipientAddress(), key.innerPad(), key.outerPad())
                .query(ReleaseRowNow.class)
                .optional();
        if (row.isEmpty()) {
            return Renewal.TAKEN_OVER;
        }
        if (row.get().cancelled()) {
            return skip(delivery, "CANCELLED", "release cancelled before sending");
        }
        if (row.get().suppressed()) {
            return skip(delivery, "SUPPRESSED", "suppressed before sending");
        }
        return Renewal.SEND;
    }

    private record ReleaseRowNow(boolean cancelled, boolean suppressed) {}

    /** Records a row that will not be sent, and empties it (Redaction). */
    private Renewal skip(Delivery delivery, String status, String reason) {
        int skipped = jdbc.sql("update delivery set status = ?, last_error = ?, " + Redaction.EMPTIED + " where id = ?")
                .param(status)
                .param(reason)
                .params(redaction.params())
                .param(delivery.id())
                .update();
        redaction.counted(skipped);
        return Renewal.SKIP_RECORDED;
    }

    private void giveBack(List<Delivery> unsent, String owner) {
        if (unsent.isEmpty()) {
            return;
        }
        tx.executeWithoutResult(status -> unsent.forEach(
                delivery -> jdbc.sql("""
                        update delivery set status = 'PLANNED', claimed_by = null, claimed_at = null
                        where id = ? and claimed_by = ? and status = 'SENDING'""").params(delivery.id(), owner).update()));
    }

    private static boolean offers8BitMime(Transport transport) {
        return transport instanceof SMTPTransport smtp && smtp.supportsExtension("8BITMIME");
    }

    /**
     * Whether {@code body} may travel as 8bit (RFC 6152): no NUL and no line longer than 998 octets in UTF-8. Jakarta
     * Mail would otherwise quote-printable encode any non-ASCII body byte by byte, which was two thirds of the sender's
     * CPU on a release in three languages.
     */
    static boolean fitsEightBit(String body) {
        int octets = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\n' || c == '\r') {
                octets = 0;
                continue;
            }
            if (c == 0) {
                return false;
            }
            octets += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
            if (octets > 998) {
                return false;
            }
        }
        return true;
    }

    /** The message exactly as it leaves: same Message-ID on every attempt. */
    MimeMessage message(Delivery delivery) throws MessagingException, UnsupportedEncodingException {
        return message(delivery, false);
    }

    /** As {@link #message(Delivery)}, sent 8bit when the server offers 8BITMIME and the body fits. */
    MimeMessage message(Delivery delivery, boolean eightBit) throws MessagingException, UnsupportedEncodingException {
        SMTPMessage message = new LedgerMessage(mail.getSession(), delivery.messageId());
        InternetAddress to = new InternetAddress(delivery.recipientAddress(), true);
        if (delivery.recipientName() != null && !delivery.recipientName().isBlank()) {
            to.setPersonal(delivery.recipientName(), StandardCharsets.UTF_8.name());
        }
        message.setFrom(from);
        message.setRecipient(MimeMessage.RecipientType.TO, to);
        message.setSubject(delivery.mailSubject(), StandardCharsets.UTF_8.name());
        // the body as bytes: setText's handler hands them to SMTP one write(int) call at a time, a quarter of the
        // sender's CPU on a large release
        message.setDataHandler(
                new DataHandler(new ByteArrayDataSource(delivery.body().getBytes(StandardCharsets.UTF_8), PLAIN_TEXT)));
        if (eightBit && fitsEightBit(delivery.body())) {
            message.setHeader("Content-Transfer-Encoding", "8bit");
            message.setMailExtension("BODY=8BITMIME");
        }
        if (delivery.unsubscribeUrl() != null) {
            String token = delivery.unsubscribeUrl()
                    .substring(delivery.unsubscribeUrl().lastIndexOf('/') + 1);
            message.setHeader(
                    "List-Unsubscribe",
                    "<" + delivery.unsubscribeUrl() + ">, <mailto:" + unsubscribeMailbox + "?subject=unsubscribe%20"
                            + token + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        message.saveChanges();
        return message;
    }

    /** A message that keeps its ledger row's Message-ID when saved, where Jakarta Mail would make up a new one. */
    private static final class LedgerMessage extends SMTPMessage {
        private final String messageId;

        LedgerMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }

    /**
     * Records an accepted mail and its event, once: a row no longer SENDING was recorded already. The row is emptied
     * in the same statement (Redaction): what left holds no copy of its links here.
     */
    private void markSent(Delivery delivery) {
        int recorded = jdbc.sql("""
                        update delivery set status = 'SENT', attempts = attempts + 1, sent_at = ?, last_error = null,
                        %s
                        where id = ? and status = 'SENDING'""".formatted(Redaction.EMPTIED))
                .param(Timestamp.from(clock.instant()))
                .params(redaction.params())
                .param(delivery.id())
                .update();
        redaction.counted(recorded);
        if (recorded == 0) {
            return;
        }
        outbox.append(
                EventTypes.MAIL_DELIVERED,
                delivery.eventSubject(),
                delivery.eventKey(),
                delivery.requested()
                        ? new MailDelivered(delivery.requestId(), delivery.template(), delivery.messageId())
                        : new MailDelivered(
                                null, "release", delivery.messageId(), delivery.releaseId(), delivery.contactId()));
    }

    /** Records a failed attempt and its event, once: a row no longer SENDING was recorded already. */
    private void markFailed(Delivery delivery, SmtpFailure failure) {
        int attempts = delivery.attempts() + 1;
        boolean finalFailure = failure.permanent() || attempts >= MAX_ATTEMPTS;
        int recorded;
        if (finalFailure) {
            recorded = jdbc.sql("""
                            update delivery set status = 'FAILED', attempts = ?, last_error = ?, %s
                            where id = ? and status = 'SENDING'""".formatted(Redaction.EMPTIED))
                    .param(attempts)
                    .param(failure.reason())
                    .params(redaction.params())
                    .param(delivery.id())
                    .update();
            redaction.counted(recorded);
        } else {
            long delayMillis = retryMillis << (attempts - 1);
            recorded = jdbc.sql("""
                            update delivery set status = 'PLANNED', attempts = ?, last_error = ?, claimed_by = null,
                                   next_attempt_at = ?
                            where id = ? and status = 'SENDING'""")
                    .params(
                            attempts,
                            failure.reason(),
                            Timestamp.from(clock.instant().plusMillis(delayMillis)),
                            delivery.id())
                    .update();
        }
        if (recorded == 0) {
            return;
        }
        log.warn(
                "Delivery {} attempt {} failed ({}): {}",
                delivery.id(),
                attempts,
                finalFailure ? "giving up" : "will retry",
                failure.reason());
        outbox.append(
                EventTypes.MAIL_FAILED,
                delivery.eventSubject(),
                delivery.eventKey(),
                delivery.requested()
                        ? new MailFailed(delivery.requestId(), delivery.template(), failure.reason(), finalFailure)
                        : new MailFailed(
                                null,
                                "release",
                                failure.reason(),
                                finalFailure,
                                delivery.releaseId(),
                                delivery.contactId()));
    }

    private void run() {
        while (running) {
            try {
                if (sendDue() < batchSize && running) {
                    wakeUp.tryAcquire(idleMillis, TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Mail sender could not work through the ledger, retrying in 1 s: {}", e.toString());
                if (!pause()) {
                    return;
                }
            }
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(1000);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        instanceId = "distribution-" + UUID.randomUUID();
        running = true;
        for (int i = 0; i < connections; i++) {
            Thread thread = new Thread(this::run, "mail-sender-" + i);
            thread.setDaemon(true);
            workers.add(thread);
            thread.start();
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        wakeUp.release(connections);
        for (Thread thread : workers) {
            try {
                thread.join(15000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.clear();
        wakeUp.drainPermits();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
