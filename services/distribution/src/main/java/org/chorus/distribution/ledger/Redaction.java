package org.chorus.distribution.ledger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import org.chorus.distribution.AddressKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Empties the personal part of a ledger row the moment the mail is done: SENT, FAILED for good, SUPPRESSED or
 * CANCELLED. Address, name, subject, body and unsubscribe link go (the body held the recipient's confirm, manage,
 * re-consent, invitation, decline or unsubscribe link); the row, its state, times and Message-ID stay, with a keyed
 * hash of the address (HMAC-SHA256 under {@code chorus.distribution.suppression-key}). That is all a bounce needs: it
 * names the mail by Message-ID, and a named recipient is compared through the hash, so a bounce still suppresses the
 * address. The unsubscribe link keeps working: its token was only ever stored as a hash. Mail not sent yet (planned,
 * waiting for an embargo, or between retries) keeps its personal part sealed ({@link MailAtRest}) until it leaves;
 * the sealed part goes in the same write.
 *
 * <p>The states are written with {@link #EMPTIED} in the same statement that records them; every {@code
 * chorus.mail.redaction.every} (1 hour) a pass also empties any done row that still holds mail (rows from before this
 * rule, a mail bouncing while its sending was still being recorded). Both count in {@code chorus_mail_redacted_total}.
 */
@Component
public class Redaction {
    private static final Logger log = LoggerFactory.getLogger(Redaction.class);

    /**
     * The assignments that empty a row, for an {@code update delivery set …}; its parameters, in order, are {@link
     * #params()}.
     */
    static final String EMPTIED = """
            address_hash = coalesce(address_hmac(recipient_address, ?, ?), address_hash), recipient_address = null,
            recipient_name = null, mail_subject = null, body = null, body_id = null, unsubscribe_url = null,
            sealed = null, sealed_key_id = null, redacted_at = ?""";

    private static final String DONE = "('SENT', 'BOUNCED', 'FAILED', 'SUPPRESSED', 'CANCELLED')";

    private final JdbcClient jdbc;
    private final AddressKey key;
    private final Clock clock;
    private final Counter redacted;

    Redaction(JdbcClient jdbc, AddressKey key, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.key = key;
        this.clock = clock;
        this.redacted = Counter.builder("chorus.mail.redacted")
                .description("ledger rows whose address, body and links were emptied once the mail was done")
                .register(meters);
    }

    /** The parameters of {@link #EMPTIED}: the address key's pads and the moment. */
    Object[] params() {
        return new Object[] {key.innerPad(), key.outerPad(), Timestamp.from(clock.instant())};
    }

    /** Counts rows emptied by a state change. */
    void counted(int rows) {
        redacted.increment(rows);
    }

    @Scheduled(fixedDelayString = "${chorus.mail.redaction.every:PT1H}", initialDelayString = "PT1M")
    void scheduled() {
        redact();
    }

    /** Empties every done row that still holds mail; returns how many. */
    public int redact() {
        int rows = jdbc.sql("update delivery set " + EMPTIED + " where redacted_at is null and status in " + DONE)
                .params(params())
                .update();
        counted(rows);
        if (rows > 0) {
            log.info("Redacted {} ledger rows of mail that was done", rows);
        }
        return rows;
    }
}
