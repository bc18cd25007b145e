package org.chorus.distribution.contacts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.chorus.distribution.AddressKey;
import org.chorus.distribution.ledger.Ledger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The suppression list: addresses that never receive a release again, whatever list they are on. Kept as keyed
 * hashes ({@link AddressKey}), so it survives the deletion of a removed contact's personal data without revealing it;
 * rows of the older unkeyed scheme are honoured too. Checked when a release is planned and again right
 * before each mail leaves.
 */
@Service
public class Suppressions {
    public enum Reason {
        UNSUBSCRIBED,
        HARD_BOUNCE,
        SOFT_BOUNCES
    }

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final AddressKey key;
    private final int softBounceThreshold;

    Suppressions(
            JdbcClient jdbc,
            Ledger ledger,
            AddressKey key,
            @Value("${chorus.mail.soft-bounce-threshold:3}") int threshold) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.key = key;
        this.softBounceThreshold = threshold;
    }

    /** Suppresses the contact's address; true the first time. Planned release mail to it is stopped at once. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean suppress(UUID contactId, Reason reason, Instant now) {
        int inserted = jdbc.sql("""
                        insert into suppression (address_hash, scheme, reason, contact_id, created_at)
                        select address_hmac(email, ?, ?), ?, ?, id, ? from contact
                        where id = ? and email is not null and not address_suppressed(email, ?, ?)
                        on conflict do nothing""")
                .params(
                        key.innerPad(),
                        key.outerPad(),
                        AddressKey.SCHEME,
                        reason.name(),
                        Timestamp.from(now),
                        contactId,
                        key.innerPad(),
                        key.outerPad())
                .update();
        if (reason == Reason.UNSUBSCRIBED) {
            jdbc.sql("update contact set unsubscribed_at = ? where id = ? and unsubscribed_at is null")
                    .params(Timestamp.from(now), contactId)
                    .update();
        }
        ledger.suppressPlanned(
                contactId, reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        return inserted == 1;
    }

    /** Counts a soft bounce; at the threshold the address is suppressed. True when it was suppressed now. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean softBounce(UUID contactId, Instant now) {
        Integer count = jdbc.sql(
                        "update contact set soft_bounces = soft_bounces + 1 where id = ? returning soft_bounces")
                .param(contactId)
                .query(Integer.class)
                .optional()
                .orElse(0);
        return count >= softBounceThreshold && suppress(contactId, Reason.SOFT_BOUNCES, now);
    }

    @Transactional(readOnly = true)
    public boolean suppressed(String address) {
        return jdbc.sql("select address_suppressed(?, ?, ?)")
                .params(address, key.innerPad(), key.outerPad())
                .query(Boolean.class)
                .single();
    }
}
