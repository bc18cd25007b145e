package org.chorus.distribution.ledger;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.chorus.events.EventTypes;
import org.chorus.events.MailDelivered;
import org.chorus.events.MailFailed;
import org.chorus.platform.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due ledger rows. A row is claimed (PLANNED to SENDING) and committed before its mail leaves, then marked SENT
 * or FAILED, or planned again with back-off. A crash after sending leaves the row in SENDING; it is planned again on
 * the next start and resent with the same Message-ID, so receivers can drop the copy.
 */
@Component
class Sender implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(Sender.class);
    private static final int MAX_ATTEMPTS = 5;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final JavaMailSender mail;
    private final Outbox outbox;
    private final InternetAddress from;
    private final int batchSize;
    private final long idleMillis;
    private final long retryMillis;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile Thread worker;

    Sender(
            JdbcClient jdbc,
            TransactionTemplate tx,
            JavaMailSender mail,
            Outbox outbox,
            @Value("${chorus.mail.from:chorus@localhost}") String from,
            @Value("${chorus.mail.batch-size:50}") int batchSize,
            @Value("${chorus.mail.idle-poll-ms:200}") long idleMillis,
            @Value("${chorus.mail.retry-initial-ms:30000}") long retryMillis)
            throws MessagingException {
        this.jdbc = jdbc;
        this.tx = tx;
        this.mail = mail;
        this.outbox = outbox;
        this.from = new InternetAddress(from, true);
        this.batchSize = batchSize;
        this.idleMillis = idleMillis;
        this.retryMillis = retryMillis;
    }

    void wake() {
        if (wakeUp.availablePermits() == 0) {
            wakeUp.release();
        }
    }

    /** Sends one batch of due mails; returns how many rows it claimed. */
    int sendDue() {
        List<Delivery> claimed = tx.execute(
                status -> jdbc.sql("""
                        update delivery set status = 'SENDING'
                        where id in (select id from delivery
                                     where status = 'PLANNED' and next_attempt_at <= now()
                                     order by next_attempt_at, id limit ? for update skip locked)
                        returning id, kind, request_id, template, event_subject, recipient_address, recipient_name,
                                  mail_subject, body, message_id, attempts""").param(batchSize).query(Delivery.class).list());
        if (claimed == null || claimed.isEmpty()) {
            return 0;
        }
        Map<MimeMessage, Delivery> messages = new LinkedHashMap<>();
        Map<Delivery, Exception> failures = new LinkedHashMap<>();
        for (Delivery delivery : claimed) {
            try {
                messages.put(message(delivery), delivery);
            } catch (MessagingException | UnsupportedEncodingException e) {
                failures.put(delivery, e);
            }
        }
        if (!messages.isEmpty()) {
            try {
                mail.send(messages.keySet().toArray(MimeMessage[]::new));
            } catch (MailSendException e) {
                e.getFailedMessages().forEach((message, failure) -> {
                    Delivery delivery = messages.get(message);
                    if (delivery != null) {
                        failures.put(delivery, failure);
                    }
                });
                if (e.getFailedMessages().isEmpty()) {
                    messages.values().forEach(delivery -> failures.put(delivery, e));
                }
            } catch (RuntimeException e) {
                messages.values().forEach(delivery -> failures.put(delivery, e));
            }
        }
        List<Delivery> sent = new ArrayList<>(claimed);
        sent.removeAll(failures.keySet());
        tx.executeWithoutResult(status -> {
            sent.forEach(this::markSent);
            failures.forEach((delivery, failure) -> markFailed(delivery, SmtpFailure.of(failure)));
        });
        return claimed.size();
    }

    private MimeMessage message(Delivery delivery) throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = mail.createMimeMessage();
        InternetAddress to = new InternetAddress(delivery.recipientAddress(), true);
        if (delivery.recipientName() != null && !delivery.recipientName().isBlank()) {
            to.setPersonal(delivery.recipientName(), StandardCharsets.UTF_8.name());
        }
        message.setFrom(from);
        message.setRecipient(MimeMessage.RecipientType.TO, to);
        message.setSubject(delivery.mailSubject(), StandardCharsets.UTF_8.name());
        message.setText(delivery.body(), StandardCharsets.UTF_8.name(), "plain");
        message.setHeader("Message-ID", delivery.messageId());
        return message;
    }

    private void markSent(Delivery delivery) {
        jdbc.sql("""
                        update delivery set status = 'SENT', attempts = attempts + 1, sent_at = now(), last_error = null
                        where id = ?""").param(delivery.id()).update();
        if (delivery.requested()) {
            outbox.append(
                    EventTypes.MAIL_DELIVERED,
                    delivery.eventSubject(),
                    delivery.requestId(),
                    new MailDelivered(delivery.requestId(), delivery.template(), delivery.messageId()));
        }
    }

    private void markFailed(Delivery delivery, SmtpFailure failure) {
        int attempts = delivery.attempts() + 1;
        boolean finalFailure = failure.permanent() || attempts >= MAX_ATTEMPTS;
        log.warn(
                "Delivery {} attempt {} failed ({}): {}",
                delivery.id(),
                attempts,
                finalFailure ? "giving up" : "will retry",
                failure.reason());
        if (finalFailure) {
            jdbc.sql("update delivery set status = 'FAILED', attempts = ?, last_error = ? where id = ?")
                    .params(attempts, failure.reason(), delivery.id())
                    .update();
        } else {
            long delayMillis = retryMillis << (attempts - 1);
            jdbc.sql("""
                            update delivery set status = 'PLANNED', attempts = ?, last_error = ?,
                                   next_attempt_at = now() + make_interval(secs => ?)
                            where id = ?""")
                    .params(attempts, failure.reason(), delayMillis / 1000.0, delivery.id())
                    .update();
        }
        if (delivery.requested()) {
            outbox.append(
                    EventTypes.MAIL_FAILED,
                    delivery.eventSubject(),
                    delivery.requestId(),
                    new MailFailed(delivery.requestId(), delivery.template(), failure.reason(), finalFailure));
        }
    }

    private void run() {
        while (worker == Thread.currentThread()) {
            try {
                if (sendDue() < batchSize) {
                    wakeUp.tryAcquire(idleMillis, TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Mail sender could not work through the ledger, retrying in 1 s: {}", e.toString());
                sleepQuietly();
            }
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        int recovered = jdbc.sql("update delivery set status = 'PLANNED' where status = 'SENDING'")
                .update();
        if (recovered > 0) {
            log.warn("{} deliveries were interrupted while sending; planned again with their Message-ID", recovered);
        }
        Thread thread = new Thread(this::run, "mail-sender");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread thread = worker;
        worker = null;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }
}
