package org.chorus.distribution.unsubscribe;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.chorus.distribution.contacts.Suppressions;
import org.chorus.events.ContactUnsubscribed;
import org.chorus.events.EventTypes;
import org.chorus.platform.outbox.Outbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-click unsubscribe links (RFC 8058). Each release mail carries its own random token; only its SHA-256 is stored,
 * so the table alone cannot unsubscribe anyone.
 */
@Service
public class Unsubscribes {
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Suppressions suppressions;
    private final Outbox outbox;
    private final String baseUrl;

    Unsubscribes(
            JdbcClient jdbc,
            Suppressions suppressions,
            Outbox outbox,
            @Value("${chorus.public-url:http://localhost:8084}") String baseUrl) {
        this.jdbc = jdbc;
        this.suppressions = suppressions;
        this.outbox = outbox;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    record Subscriber(UUID contactId, String language, boolean unsubscribed) {}

    /** A new unsubscribe link for the contact, stored (hashed) in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String issueUrl(UUID contactId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("insert into unsubscribe_token (token_hash, contact_id) values (?, ?)")
                .params(hash(token), contactId)
                .update();
        return urlFor(token);
    }

    public String urlFor(String token) {
        return baseUrl + "/unsubscribe/" + token;
    }

    @Transactional(readOnly = true)
    Optional<Subscriber> find(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select c.id as contact_id, c.language, c.unsubscribed_at is not null as unsubscribed
                        from unsubscribe_token t join contact c on c.id = t.contact_id
                        where t.token_hash = ?""").param(hash(token)).query(Subscriber.class).optional();
    }

    /** Takes effect at once; publishes ContactUnsubscribed the first time. Empty for an unknown or forged token. */
    @Transactional
    Optional<Subscriber> unsubscribe(String token, Instant now) {
        Optional<Subscriber> subscriber = find(token);
        subscriber.ifPresent(found -> {
            int first = jdbc.sql("update contact set unsubscribed_at = ? where id = ? and unsubscribed_at is null")
                    .params(Timestamp.from(now), found.contactId())
                    .update();
            suppressions.suppress(found.contactId(), Suppressions.Reason.UNSUBSCRIBED, now);
            if (first == 1) {
                outbox.append(
                        EventTypes.CONTACT_UNSUBSCRIBED,
                        found.contactId(),
                        found.contactId(),
                        new ContactUnsubscribed(found.contactId()));
            }
        });
        return subscriber;
    }

    /** For an unsubscribe request that arrived by mail (the mailto: of List-Unsubscribe); false for a forged token. */
    @Transactional
    public boolean unsubscribeByMail(String token, Instant now) {
        return unsubscribe(token, now).isPresent();
    }

    private static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
