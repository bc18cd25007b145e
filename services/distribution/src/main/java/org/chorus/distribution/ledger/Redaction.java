package org.chorus.distribution.ledger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.chorus.distribution.AddressKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Empties the personal part of ledger rows that are done: a mail SENT (or BOUNCED) longer than {@code
 * chorus.mail.redaction.after} ago (the bounce window, 14 days), and a mail FAILED, SUPPRESSED or CANCELLED that long
 * after it was recorded. Address, name, subject, body and unsubscribe link go; the row, its state and times stay, with
 * a keyed hash of the address (what a late hard bounce needs to suppress it). The unsubscribe link keeps working: its
 * token was only ever stored as a hash. Runs every {@code chorus.mail.redaction.every} (1 hour) and counts the rows in
 * {@code chorus_mail_redacted_total}.
 */
@Component
public class Redaction {
    private static final Logger log = LoggerFactory.getLogger(Redaction.class);

    private final JdbcClient jdbc;
    private final AddressKey key;
    private final Clock clock;
    private final Duration after;
    private final Counter redacted;

    Redaction(
            JdbcClient jdbc,
            AddressKey key,
            Clock clock,
            MeterRegistry meters,
            @Value("${chorus.mail.redaction.after:P14D}") Duration after) {
        this.jdbc = jdbc;
        this.key = key;
        this.clock = clock;
        this.after = after;
        this.redacted = Counter.builder("chorus.mail.redacted")
                .description("ledger rows whose address, body and links were emptied after the bounce window")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${chorus.mail.redaction.every:PT1H}", initialDelayString = "PT1M")
    void scheduled() {
        redact(clock.instant());
    }

    /** Redacts every row done before {@code now} minus the bounce window; returns how many. */
    public int redact(Instant now) {
        Timestamp before = Timestamp.from(now.minus(after));
        int rows = jdbc.sql("""
                        update delivery
                        set address_hash = coalesce(address_hmac(recipient_address, ?, ?), address_hash),
                            recipient_address = null, recipient_name = null, mail_subject = null, body = null,
                            body_id = null, unsubscribe_url = null, redacted_at = ?
                        where redacted_at is null
                          and ((status in ('SENT', 'BOUNCED') and sent_at < ?)
                               or (status in ('FAILED', 'SUPPRESSED', 'CANCELLED') and created_at < ?))""")
                .params(key.innerPad(), key.outerPad(), Timestamp.from(now), before, before)
                .update();
        redacted.increment(rows);
        if (rows > 0) {
            log.info("Redacted {} ledger rows done more than {} ago", rows, after);
        }
        return rows;
    }
}
