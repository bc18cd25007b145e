package org.chorus.signatures.signon;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.chorus.events.EventCodec;
import org.chorus.events.EventTypes;
import org.chorus.events.SealedMailRequested;
import org.chorus.platform.outbox.Outbox;
import org.chorus.signatures.abuse.ConfirmationMailBudget;
import org.chorus.signatures.abuse.ConfirmationMailBudget.Keys;
import org.chorus.signatures.abuse.ConfirmationMailBudget.Waiting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Confirmation mails that wait for their mailbox's budget ({@link ConfirmationMailBudget}) instead of being dropped:
 * when whoever forges sign-ons with an organisation's address spent the mailbox's budget, its real signer's sign-on is
 * still stored and its mail, already sealed for distribution, waits here in line, ahead of the networks that were
 * mailed there recently. Each sender keeps one waiting mail per mailbox and statement: its newest sign-on.
 */
@Component
class HeldMails {
    private static final Logger log = LoggerFactory.getLogger(HeldMails.class);

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final ConfirmationMailBudget budget;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int batch;

    HeldMails(
            JdbcClient jdbc,
            Outbox outbox,
            ConfirmationMailBudget budget,
            TransactionTemplate tx,
            Clock clock,
            @Value("${chorus.signatures.rate.held-mail-batch:2000}") int batch) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.budget = budget;
        this.tx = tx;
        this.clock = clock;
        this.batch = batch;
    }

    /**
     * Requests the confirmation mail now if the mailbox's budget allows and nobody waits for that mailbox (a mail in
     * line goes first), else holds it; true when held. In the caller's transaction: should it roll back, the budget
     * it took is given back.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean requestOrHold(UUID signatureId, UUID statementId, Keys keys, SealedMailRequested mail) {
        Instant now = clock.instant();
        if (!waiting(keys.mailbox()) && budget.take(keys, now)) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        budget.giveBack(keys, now);
                    }
                }
            });
            outbox.append(EventTypes.MAIL_REQUESTED_V2, statementId, mail.requestId(), mail);
            return false;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                // in line at once: a sender first in line (not mailed there recently) need not wait for the next pass
                try {
                    release(keys.mailbox());
                } catch (RuntimeException e) {
                    log.warn("Held confirmation mails wait for the next pass: {}", e.toString());
                }
            }
        });
        // the sender's earlier sign-on still waiting is replaced: its link was never mailed, nobody can confirm it
        jdbc.sql("""
                        delete from signature where id in (
                            select signature_id from held_confirmation_mail
                            where mailbox_key = ? and statement_id = ? and sender_key = ?)""").params(keys.mailbox(), statementId, keys.sender()).update();
        jdbc.sql("""
                        insert into held_confirmation_mail (signature_id, statement_id, mailbox_key, sender_key,
                                                            network_key, held_since, request_id, mail_request)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        signatureId,
                        statementId,
                        keys.mailbox(),
                        keys.sender(),
                        keys.network(),
                        Timestamp.from(now),
                        mail.requestId(),
                        new String(EventCodec.writeValue(mail), StandardCharsets.UTF_8))
                .update();
        return true;
    }

    private boolean waiting(String mailboxKey) {
        return jdbc.sql("select exists (select 1 from held_confirmation_mail where mailbox_key = ?)")
                .param(mailboxKey)
                .query(Boolean.class)
                .single();
    }

    private record Held(
            UUID signatureId,
            UUID statementId,
            String mailboxKey,
            String senderKey,
            String networkKey,
            Instant heldSince) {

        Waiting<Held> waiting() {
            return new Waiting<>(this, new Keys(mailboxKey, senderKey, networkKey), heldSince);
        }
    }

    @Scheduled(
            fixedDelayString = "${chorus.signatures.rate.held-mail-every:PT5S}",
            initialDelayString = "${chorus.signatures.rate.held-mail-every:PT5S}")
    void scheduled() {
        release();
    }

    /**
     * Requests every held mail its mailbox's budget lets go now, best placed in line first; a mail whose statement's
     * sign-on ended goes without being sent. Returns how many were requested.
     */
    int release() {
        return release(null);
    }

    /** As {@link #release()}, for one mailbox only (null: all). */
    int release(String mailboxKey) {
        Instant now = clock.instant();
        int dropped = jdbc.sql("""
                        delete from held_confirmation_mail h using statement st
                        where st.id = h.statement_id
                          and (st.sign_on_ended_at is not null or st.withdrawn_at is not null
                               or exists (select 1 from statement_deadline d
                                          where d.statement_id = st.id and d.deadline <= ?))""").param(Timestamp.from(now)).update();
        if (dropped > 0) {
            log.info("{} held confirmation mails dropped: their statement's sign-on ended", dropped);
        }
        Map<String, List<Waiting<Held>>> byMailbox = new LinkedHashMap<>();
        jdbc.sql("""
                        select signature_id, statement_id, mailbox_key, sender_key, network_key, held_since
                        from held_confirmation_mail where mailbox_key = coalesce(?, mailbox_key)
                        order by held_since limit ?""")
                .param(mailboxKey)
                .param(batch)
                .query(Held.class)
                .list()
                .forEach(held -> byMailbox
                        .computeIfAbsent(held.mailboxKey(), key -> new ArrayList<>())
                        .add(held.waiting()));
        int requested = 0;
        for (List<Waiting<Held>> line : byMailbox.values()) {
            Optional<Waiting<Held>> next;
            while ((next = budget.next(line, now)).isPresent()) {
                Waiting<Held> mail = next.get();
                line.remove(mail);
                if (Boolean.TRUE.equals(tx.execute(status -> request(mail.mail())))) {
                    requested++;
                } else {
                    budget.giveBack(mail.keys(), now);
                }
            }
        }
        return requested;
    }

    /** Takes one held mail out of line and requests it; false if it was gone (sent by another instance, replaced). */
    private boolean request(Held held) {
        Optional<String> mail =
                jdbc.sql("""
                        delete from held_confirmation_mail where signature_id = ? returning mail_request""").param(held.signatureId()).query(String.class).optional();
        mail.ifPresent(json -> {
            SealedMailRequested sealed =
                    EventCodec.readValue(json.getBytes(StandardCharsets.UTF_8), SealedMailRequested.class);
            outbox.append(EventTypes.MAIL_REQUESTED_V2, held.statementId(), sealed.requestId(), sealed);
        });
        return mail.isPresent();
    }
}
