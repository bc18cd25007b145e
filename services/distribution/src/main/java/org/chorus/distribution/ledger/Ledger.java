package org.chorus.distribution.ledger;

import java.util.List;
import java.util.UUID;
import org.chorus.events.EventTypes;
import org.chorus.events.MailFailed;
import org.chorus.platform.outbox.Outbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Plans mails in the caller's transaction: one ledger row per recipient, sent by {@link Sender} after commit. */
@Component
public class Ledger {
    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final Sender sender;

    Ledger(JdbcClient jdbc, Outbox outbox, Sender sender) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.sender = sender;
    }

    public record Mail(String recipientAddress, String recipientName, String subject, String body) {}

    public record Recipient(UUID contactId, Mail mail) {}

    public record Counts(int planned, int sending, int sent, int failed) {}

    /** Plans a requested mail once per request id; false if that request was already planned. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean planRequested(UUID requestId, String template, String eventSubject, Mail mail) {
        int inserted = jdbc.sql("""
                        insert into delivery (kind, request_id, template, event_subject, recipient_address,
                                              recipient_name, mail_subject, body, message_id, status)
                        values ('MAIL_REQUEST', ?, ?, ?, ?, ?, ?, ?, ?, 'PLANNED')
                        on conflict do nothing""")
                .params(
                        requestId,
                        template,
                        eventSubject,
                        mail.recipientAddress(),
                        mail.recipientName(),
                        mail.subject(),
                        mail.body(),
                        messageId(requestId.toString()))
                .update();
        if (inserted == 1) {
            wakeSenderAfterCommit();
        }
        return inserted == 1;
    }

    /** Records a request that can never be sent, and reports it as failed for good. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void refuseRequested(
            UUID requestId, String template, String eventSubject, String recipientAddress, String reason) {
        int inserted = jdbc.sql("""
                        insert into delivery (kind, request_id, template, event_subject, recipient_address,
                                              message_id, status, last_error)
                        values ('MAIL_REQUEST', ?, ?, ?, ?, ?, 'FAILED', ?)
                        on conflict do nothing""")
                .params(requestId, template, eventSubject, recipientAddress, messageId(requestId.toString()), reason)
                .update();
        if (inserted == 1) {
            outbox.append(
                    EventTypes.MAIL_FAILED, eventSubject, requestId, new MailFailed(requestId, template, reason, true));
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void planRelease(UUID releaseId, List<Recipient> recipients) {
        for (Recipient recipient : recipients) {
            Mail mail = recipient.mail();
            jdbc.sql("""
                            insert into delivery (kind, release_id, contact_id, recipient_address, recipient_name,
                                                  mail_subject, body, message_id, status)
                            values ('RELEASE', ?, ?, ?, ?, ?, ?, ?, 'PLANNED')
                            on conflict do nothing""")
                    .params(
                            releaseId,
                            recipient.contactId(),
                            mail.recipientAddress(),
                            mail.recipientName(),
                            mail.subject(),
                            mail.body(),
                            messageId(releaseId + "." + recipient.contactId()))
                    .update();
        }
        wakeSenderAfterCommit();
    }

    public Counts countsForRelease(UUID releaseId) {
        return jdbc.sql("""
                        select count(*) filter (where status = 'PLANNED') as planned,
                               count(*) filter (where status = 'SENDING') as sending,
                               count(*) filter (where status = 'SENT') as sent,
                               count(*) filter (where status = 'FAILED') as failed
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
