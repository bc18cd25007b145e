package org.chorus.distribution.bounces;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.chorus.distribution.AddressKey;
import org.chorus.distribution.contacts.Suppressions;
import org.chorus.distribution.ledger.RequestSuppressions;
import org.chorus.events.EventTypes;
import org.chorus.events.MailBounced;
import org.chorus.platform.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a bounce to the mail it is about, once per report: the ledger row becomes BOUNCED; for a release, a hard
 * bounce suppresses the contact's address and soft bounces count toward the threshold; for requested mail, a hard
 * bounce suppresses every later requested mail to the address; MailBounced is published.
 */
@Service
class Bounces {
    private static final Logger log = LoggerFactory.getLogger(Bounces.class);

    private final JdbcClient jdbc;
    private final Suppressions suppressions;
    private final RequestSuppressions requestSuppressions;
    private final Outbox outbox;
    private final AddressKey key;

    Bounces(
            JdbcClient jdbc,
            Suppressions suppressions,
            RequestSuppressions requestSuppressions,
            Outbox outbox,
            AddressKey key) {
        this.jdbc = jdbc;
        this.suppressions = suppressions;
        this.requestSuppressions = requestSuppressions;
        this.outbox = outbox;
        this.key = key;
    }

    /** The states of a mail that left: only such a mail can bounce. */
    private static final Set<String> SENT = Set.of("SENDING", "SENT", "BOUNCED");

    enum Outcome {
        UNKNOWN_MESSAGE,
        ALREADY_APPLIED,
        APPLIED,
        SUPPRESSED
    }

    private record Bounced(
            long id,
            String kind,
            UUID requestId,
            String template,
            UUID releaseId,
            UUID contactId,
            String eventSubject,
            String status,
            boolean recipientMatches) {}

    /** The mail a test send went out as: its bounce marks it bounced, but suppresses nobody. */
    private static final String TEST_SEND = "release-test";

    /** A bounce read from the bounce mailbox, which names the mail by its Message-ID only. */
    @Transactional
    Outcome apply(String reportId, String messageId, boolean hard, String reason, Instant now) {
        return apply(reportId, messageId, null, hard, reason, now);
    }

    /**
     * A bounce of the mail with {@code messageId}; with a {@code recipient}, only if that mail went to that address.
     * Mail that never left (planned, suppressed, failed, cancelled) is answered as unknown: it cannot have bounced.
     */
    @Transactional
    Outcome apply(String reportId, String messageId, String recipient, boolean hard, String reason, Instant now) {
        Optional<Bounced> delivery = jdbc.sql("""
                        select d.id, d.kind, d.request_id, d.template, d.release_id, d.contact_id,
                               coalesce(d.event_subject, r.statement_id::text) as event_subject, d.status,
                               coalesce(cast(? as text) is null
                                        or lower(coalesce(d.recipient_address, c.email)) = lower(?)
                                        or (d.recipient_address is null and d.address_hash = address_hmac(?, ?, ?)),
                                        false)
                                   as recipient_matches
                        from delivery d left join release r on r.id = d.release_id
                        left join contact c on c.id = d.contact_id
                        where d.message_id = ?""")
                .params(recipient, recipient, recipient, key.innerPad(), key.outerPad(), messageId)
                .query(Bounced.class)
                .optional();
        // a redacted row keeps only the keyed hash of its address: the named recipient is compared through it
        if (delivery.isEmpty()
                || !SENT.contains(delivery.get().status())
                || !delivery.get().recipientMatches()) {
            return Outcome.UNKNOWN_MESSAGE;
        }
        Bounced bounced = delivery.get();
        int first = jdbc.sql("""
                        insert into bounce (report_id, delivery_id, hard, reason, received_at) values (?, ?, ?, ?, ?)
                        on conflict do nothing""")
                .params(reportId, bounced.id(), hard, reason, Timestamp.from(now))
                .update();
        if (first == 0) {
            return Outcome.ALREADY_APPLIED;
        }
        jdbc.sql(
                        "update delivery set status = 'BOUNCED', last_error = ? where id = ? and status in ('SENT', 'SENDING')")
                .params((hard ? "hard bounce: " : "soft bounce: ") + reason, bounced.id())
                .update();
        boolean suppressed = false;
        if (TEST_SEND.equals(bounced.template())) {
            log.info("Test send {} bounced; nobody suppressed", bounced.id());
        } else if (bounced.contactId() != null) {
            suppressed = hard
                    ? suppressions.suppress(bounced.contactId(), Suppressions.Reason.HARD_BOUNCE, now)
                    : suppressions.softBounce(bounced.contactId(), now);
        } else if (hard) {
            requestSuppressions.hardBounce(bounced.id());
            suppressed = true;
        }
        outbox.append(
                EventTypes.MAIL_BOUNCED,
                bounced.eventSubject(),
                bounced.requestId() != null ? bounced.requestId() : bounced.eventSubject(),
                new MailBounced(
                        bounced.requestId(),
                        bounced.template() != null ? bounced.template() : "release",
                        hard,
                        reason,
                        bounced.releaseId(),
                        bounced.contactId()));
        log.info("Delivery {} bounced ({}){}", bounced.id(), hard ? "hard" : "soft", suppressed ? ", suppressed" : "");
        return suppressed ? Outcome.SUPPRESSED : Outcome.APPLIED;
    }
}
