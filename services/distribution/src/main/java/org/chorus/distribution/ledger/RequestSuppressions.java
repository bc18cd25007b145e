package org.chorus.distribution.ledger;

import java.util.Optional;
import java.util.Set;
import org.chorus.distribution.AddressKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The suppression list of requested mail, by address hash and scope. A hard bounce suppresses every requested mail to
 * the address; an unsubscribe from an invitation or a reminder suppresses invitations and reminders only, so a
 * signature confirmation the signer asked for still goes out. Checked when a request arrives and again right before
 * its mail leaves.
 */
@Component
public class RequestSuppressions {
    static final String EVERYTHING = "*";
    /** The templates a recipient can unsubscribe from, all in one scope. */
    private static final Set<String> INVITATIONS = Set.of("invitation", "invitation-reminder");

    private final JdbcClient jdbc;
    private final AddressKey key;

    RequestSuppressions(JdbcClient jdbc, AddressKey key) {
        this.jdbc = jdbc;
        this.key = key;
    }

    /** The scope a recipient of {@code template} can unsubscribe from; empty if the template has no unsubscribe link. */
    public static Optional<String> unsubscribeScope(String template) {
        return INVITATIONS.contains(template) ? Optional.of("invitation") : Optional.empty();
    }

    /** Why {@code template} may not be sent to {@code address} ("suppressed: bounced" / "suppressed: unsubscribed"). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<String> reasonFor(String address, String template) {
        if (address == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select reason from request_suppression
                        where ((scheme = 'hmac-sha256' and address_hash = address_hmac(?, ?, ?))
                               or (scheme = 'sha256' and address_hash = address_hash(?)))
                          and scope in ('*', ?)
                        order by scope = '*' desc limit 1""")
                .params(
                        address,
                        key.innerPad(),
                        key.outerPad(),
                        address,
                        unsubscribeScope(template).orElse(EVERYTHING))
                .query(String.class)
                .optional()
                .map(reason -> reason.equals("HARD_BOUNCE") ? "suppressed: bounced" : "suppressed: unsubscribed");
    }

    /**
     * A requested mail hard-bounced: no requested mail goes to its address again (also after Redaction emptied the row:
     * then its keyed address hash is used).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void hardBounce(long deliveryId) {
        jdbc.sql("""
                        insert into request_suppression (address_hash, scheme, scope, reason)
                        select coalesce(address_hmac(recipient_address, ?, ?), address_hash), ?, '*', 'HARD_BOUNCE'
                        from delivery
                        where id = ? and kind = 'MAIL_REQUEST'
                          and (recipient_address is not null or address_hash is not null)
                        on conflict do nothing""")
                .params(key.innerPad(), key.outerPad(), AddressKey.SCHEME, deliveryId)
                .update();
    }

    /** The recipient unsubscribed from mail of {@code scope}; {@code addressHash} is under {@code scheme}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void unsubscribe(String addressHash, String scheme, String scope) {
        jdbc.sql("""
                        insert into request_suppression (address_hash, scheme, scope, reason)
                        values (?, ?, ?, 'UNSUBSCRIBED')
                        on conflict do nothing""").params(addressHash, scheme, scope).update();
    }
}
