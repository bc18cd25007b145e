package org.chorus.distribution.ledger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chorus.distribution.AddressKey;
import org.chorus.events.EventTypes;
import org.chorus.events.MailFailed;
import org.chorus.platform.outbox.Outbox;
import org.chorus.platform.sealing.AtRest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Plans mails in the caller's transaction: one ledger row per recipient, sent by {@link Sender} after commit. */
@Component
public class Ledger {
    private static final int PLAN_BATCH = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final Outbox outbox;
    private final Sender sender;
    private final Redaction redaction;
    private final MailAtRest atRest;
    private final AddressKey key;

    Ledger(
            JdbcClient jdbc,
            JdbcTemplate batches,
            Outbox outbox,
            Sender sender,
            Redaction redaction,
            MailAtRest atRest,
            AddressKey key) {
        this.atRest = atRest;
        this.key = key;
        this.batches = batches;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.sender = sender;
        this.redaction = redaction;
    }

    public record Mail(String recipientAddress, String recipientName, String subject, String body) {}

    /**
     * One recipient of a release: {@code mail}'s body ends right before the unsubscribe link, which is
     * {@code unsubscribeUrl}; {@code early} marks an accredited recipient's embargoed copy; {@code notBefore} (null =
     * now) is the embargo time the row waits for.
     */
    public record Recipient(
            UUID contactId, Mail mail, String language, String unsubscribeUrl, boolean early, Instant notBefore) {}

    public record Counts(
            int planned, int sending, int sent, int failed, int bounced, int suppressed, int cancelled, int waiting) {}

    /** Plans a requested mail once per request id; false if that request was already planned. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean planRequested(UUID requestId, String template, String eventSubject, Mail mail) {
        return planRequested(requestId, template, eventSubject, mail, null);
    }

    /** As above, with the mail's unsubscribe link (sent as List-Unsubscribe too), or null. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean planRequested(
            UUID requestId, String template, String eventSubject, Mail mail, String unsubscribeUrl) {
        String messageId = messageId(requestId.toString());
        AtRest.Sealed sealed = atRest.seal(
                messageId,
                new MailAtRest.Personal(mail.recipientAddress(), mail.recipientName(), mail.body(), unsubscribeUrl));
        // the personal part sealed (MailAtRest); beside it only the keyed hash of the address
        int inserted = jdbc.sql("""
                        insert into delivery (kind, request_id, template, event_subject, address_hash, mail_subject,
                                              message_id, status, sealed, sealed_key_id)
                        values ('MAIL_REQUEST', ?, ?, ?, address_hmac(?, ?, ?), ?, ?, 'PLANNED', ?, ?)
                        on conflict do nothing""")
                .params(
                        requestId,
                        template,
                        eventSubject,
                        mail.recipientAddress(),
                        key.innerPad(),
                        key.outerPad(),
                        mail.subject(),
                        messageId,
                        sealed.bytes(),
                        sealed.keyId())
                .update();
        if (inserted == 1) {
            wakeSenderAfterCommit();
        }
        return inserted == 1;
    }

    /**
     * The statement was withdrawn: every requested mail about it not yet handed to the SMTP server (confirmations,
     * invitations, reminders still PLANNED) is CANCELLED with the reason; one being sent at this moment finishes.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int cancelRequestedFor(UUID statementId, String reason) {
        return emptied(jdbc.sql("""
                        update delivery set status = 'CANCELLED', last_error = ?, %s
                        where kind = 'MAIL_REQUEST' and event_subject = ? and status = 'PLANNED'""".formatted(Redaction.EMPTIED))
                .param("statement withdrawn: " + reason)
                .params(redaction.params())
                .param(statementId.toString())
                .update());
    }

    private int emptied(int rows) {
        redaction.counted(rows);
        return rows;
    }

    /** Records a request that can never be sent, and reports it as failed for good. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void refuseRequested(
            UUID requestId, String template, String eventSubject, String recipientAddress, String reason) {
        recordUnsent(requestId, template, eventSubject, recipientAddress, "FAILED", reason);
    }

    /** Records a request to a suppressed address as SUPPRESSED (not sent), and reports it as failed for good. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void suppressRequested(UUID requestId, String template, String eventSubject, String reason) {
        recordUnsent(requestId, template, eventSubject, null, "SUPPRESSED", reason);
    }

    /** Whether a mail was already planned or recorded for this request. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean knownRequest(UUID requestId) {
        return jdbc.sql("select exists (select 1 from delivery where request_id = ?)")
                .param(requestId)
                .query(Boolean.class)
                .single();
    }

    private void recordUnsent(
            UUID requestId,
            String template,
            String eventSubject,
            String recipientAddress,
            String status,
            String reason) {
        // recorded already empty (Redaction): only the keyed hash of the address it was meant for
        Object[] emptied = redaction.params();
        int inserted = jdbc.sql("""
                        insert into delivery (kind, request_id, template, event_subject, address_hash, redacted_at,
                                              message_id, status, last_error)
                        values ('MAIL_REQUEST', ?, ?, ?, address_hmac(?, ?, ?), ?, ?, ?, ?)
                        on conflict do nothing""")
                .params(
                        requestId,
                        template,
                        eventSubject,
                        recipientAddress,
                        emptied[0],
                        emptied[1],
                        emptied[2],
                        messageId(requestId.toString()),
                        status,
                        reason)
                .update();
        if (inserted == 1) {
            outbox.append(
                    EventTypes.MAIL_FAILED, eventSubject, requestId, new MailFailed(requestId, template, reason, true));
        }
    }

    /**
     * Plans one row per recipient of a release. Each distinct body is stored once and the rows refer to it. A recipient
     * with {@code notBefore} waits for the release's embargo: its row is sent only once the embargo fires or a
     * coordinator decides to send.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void planRelease(UUID releaseId, UUID statementId, List<Recipient> recipients) {
        Map<String, Long> bodies = new HashMap<>();
        byte[] inner = key.innerPad();
        byte[] outer = key.outerPad();
        List<Object[]> rows = recipients.stream()
                .map(recipient -> {
                    String messageId = messageId(releaseId + "." + recipient.contactId());
                    AtRest.Sealed sealed = atRest.seal(
                            messageId,
                            new MailAtRest.Personal(
                                    recipient.mail().recipientAddress(),
                                    recipient.mail().recipientName(),
                                    null,
                                    recipient.unsubscribeUrl()));
                    return new Object[] {
                        releaseId,
                        recipient.contactId(),
                        statementId.toString(),
                        recipient.mail().recipientAddress(),
                        inner,
                        outer,
                        recipient.mail().subject(),
                        bodies.computeIfAbsent(recipient.mail().body(), this::storeBody),
                        messageId,
                        recipient.language(),
                        sealed.bytes(),
                        sealed.keyId(),
                        recipient.early(),
                        recipient.notBefore() != null,
                        recipient.notBefore() == null ? null : Timestamp.from(recipient.notBefore())
                    };
                })
                .toList();
        // in JDBC batches: one round trip per row took 20 s of a 20,000-contact release before its first mail
        for (int from = 0; from < rows.size(); from += PLAN_BATCH) {
            batches.batchUpdate("""
                            insert into delivery (kind, release_id, contact_id, event_subject, address_hash,
                                                  mail_subject, body_id, message_id, status, language, sealed,
                                                  sealed_key_id, early, wait_for_embargo, next_attempt_at)
                            values ('RELEASE', ?, ?, ?, address_hmac(?, ?, ?), ?, ?, ?, 'PLANNED', ?, ?, ?, ?, ?,
                                    coalesce(?, now()))
                            on conflict do nothing""", rows.subList(from, Math.min(rows.size(), from + PLAN_BATCH)));
        }
        wakeSenderAfterCommit();
    }

    private long storeBody(String bodyBeforeLink) {
        return jdbc.sql("insert into delivery_body (body) values (?) returning id")
                .param(bodyBeforeLink)
                .query(Long.class)
                .single();
    }

    /** Lets the rows of a release that waited for its embargo go now. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int releaseEmbargoed(UUID releaseId) {
        int released = jdbc.sql("""
                        update delivery set wait_for_embargo = false, next_attempt_at = now()
                        where release_id = ? and wait_for_embargo and status = 'PLANNED'""").param(releaseId).update();
        wakeSenderAfterCommit();
        return released;
    }

    /** An accredited recipient's early copy that has not left yet, opened. */
    public record Planned(
            long id, String language, String subject, String body, String messageId, MailAtRest.Personal personal) {}

    private record PlannedRow(
            long id,
            String language,
            String subject,
            String body,
            String sharedBody,
            String messageId,
            String recipientAddress,
            String recipientName,
            String unsubscribeUrl,
            byte[] sealed,
            String sealedKeyId) {

        Planned opened(MailAtRest atRest) {
            MailAtRest.Personal personal = sealed == null
                    ? new MailAtRest.Personal(recipientAddress, recipientName, body, unsubscribeUrl)
                    : atRest.open(messageId, sealedKeyId, sealed);
            String whole = personal.body() != null ? personal.body() : sharedBody + personal.unsubscribeUrl() + "\n";
            return new Planned(id, language, subject, whole, messageId, personal);
        }
    }

    /** The rows of a release that wait for its embargo now wait for {@code until}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int postponeEmbargoed(UUID releaseId, Instant until) {
        return jdbc.sql("""
                        update delivery set next_attempt_at = ?
                        where release_id = ? and wait_for_embargo and status = 'PLANNED'""").params(Timestamp.from(until), releaseId).update();
    }

    /** The early copies of a release that have not been claimed for sending yet, locked. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Planned> plannedEarlyCopies(UUID releaseId) {
        return jdbc.sql("""
                        select id, language, mail_subject as subject, body,
                               (select b.body from delivery_body b where b.id = delivery.body_id) as shared_body,
                               message_id, recipient_address, recipient_name, unsubscribe_url, sealed, sealed_key_id
                        from delivery
                        where release_id = ? and early and status = 'PLANNED' order by id for update""").param(releaseId).query(PlannedRow.class).list().stream()
                .map(row -> row.opened(atRest))
                .toList();
    }

    /** Rewrites a row that has not been claimed for sending yet, its new body sealed with its recipient. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void rewritePlanned(Planned copy, String subject, String body, boolean early) {
        MailAtRest.Personal personal = copy.personal();
        AtRest.Sealed sealed = atRest.seal(
                copy.messageId(),
                new MailAtRest.Personal(personal.address(), personal.name(), body, personal.unsubscribeUrl()));
        jdbc.sql("""
                        update delivery set mail_subject = ?, body = null, body_id = null, early = ?,
                               recipient_address = null, recipient_name = null, unsubscribe_url = null,
                               address_hash = coalesce(address_hash, address_hmac(recipient_address, ?, ?)),
                               sealed = ?, sealed_key_id = ?
                        where id = ? and status = 'PLANNED'""")
                .params(subject, early, key.innerPad(), key.outerPad(), sealed.bytes(), sealed.keyId(), copy.id())
                .update();
    }

    /** Cancels the rows of a release that have not left yet. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int cancelUnsent(UUID releaseId) {
        return emptied(jdbc.sql("""
                        update delivery set status = 'CANCELLED', wait_for_embargo = false, %s
                        where release_id = ? and status = 'PLANNED'""".formatted(Redaction.EMPTIED))
                .params(redaction.params())
                .param(releaseId)
                .update());
    }

    /** Stops planned release mail to a contact that may no longer be mailed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int suppressPlanned(UUID contactId, String reason) {
        return emptied(jdbc.sql("""
                        update delivery set status = 'SUPPRESSED', wait_for_embargo = false, last_error = ?, %s
                        where kind = 'RELEASE' and status = 'PLANNED'
                          and (address_hash = address_hmac((select email from contact where id = ?), ?, ?)
                               or address_hash(recipient_address)
                                  = (select address_hash(email) from contact where id = ?))""".formatted(Redaction.EMPTIED))
                .param(reason)
                .params(redaction.params())
                .params(contactId, key.innerPad(), key.outerPad(), contactId)
                .update());
    }

    public Counts countsForRelease(UUID releaseId) {
        return jdbc.sql("""
                        select count(*) filter (where status = 'PLANNED' and not wait_for_embargo) as planned,
                               count(*) filter (where status = 'SENDING') as sending,
                               count(*) filter (where status = 'SENT') as sent,
                               count(*) filter (where status = 'FAILED') as failed,
                               count(*) filter (where status = 'BOUNCED') as bounced,
                               count(*) filter (where status = 'SUPPRESSED') as suppressed,
                               count(*) filter (where status = 'CANCELLED') as cancelled,
                               count(*) filter (where status = 'PLANNED' and wait_for_embargo) as waiting
                        from delivery where release_id = ?""").param(releaseId).query(Counts.class).single();
    }

    static String messageId(String localPart) {
        return "<" + localPart + "@chorus>";
    }

    private void wakeSenderAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                sender.wake();
            }
        });
    }
}
