package org.chorus.distribution.contacts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the personal data of contacts removed longer than {@code chorus.contacts.retention-days} ago: name,
 * address, outlet and the rest from the contact, the address and name from its ledger rows, and its unsubscribe
 * tokens. The suppression list keeps only a hash of the address, so a suppressed address stays suppressed.
 */
@Component
class Retention {
    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration retention;

    Retention(
            JdbcClient jdbc,
            TransactionTemplate tx,
            Clock clock,
            @Value("${chorus.contacts.retention-days:30}") long retentionDays) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.retention = Duration.ofDays(retentionDays);
    }

    @Scheduled(fixedDelayString = "${chorus.contacts.retention-check-ms:3600000}", initialDelay = 60_000)
    void scheduled() {
        purge(clock.instant());
    }

    /** Purges contacts removed before {@code now} minus the retention period; returns how many. */
    int purge(Instant now) {
        Timestamp at = Timestamp.from(now);
        Integer purged = tx.execute(status -> {
            int contacts = jdbc.sql("""
                            update contact set name = '(removed)', email = null, outlet = null, role = null,
                                               beat = null, tags = '{}', source = null, consent_basis = null,
                                               purged_at = ?
                            where removed_at < ? and purged_at is null""")
                    .params(at, Timestamp.from(now.minus(retention)))
                    .update();
            if (contacts > 0) {
                jdbc.sql("""
                                update delivery set recipient_address = null, recipient_name = null, sealed = null,
                                                    sealed_key_id = null, unsubscribe_url = null, body = null,
                                                    redacted_at = coalesce(redacted_at, ?)
                                where contact_id in (select id from contact where purged_at = ?)""").params(at, at).update();
                jdbc.sql(
                                "delete from unsubscribe_token where contact_id in (select id from contact where purged_at = ?)")
                        .param(at)
                        .update();
            }
            return contacts;
        });
        int count = purged == null ? 0 : purged;
        if (count > 0) {
            log.info("Deleted the personal data of {} contacts removed more than {} ago", count, retention);
        }
        return count;
    }
}
