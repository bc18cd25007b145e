package org.chorus.distribution.unsubscribe;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.chorus.distribution.AddressKey;
import org.chorus.distribution.contacts.Suppressions;
import org.chorus.distribution.ledger.RequestSuppressions;
import org.chorus.events.ContactUnsubscribed;
import org.chorus.events.EventTypes;
import org.chorus.events.MailUnsubscribed;
import org.chorus.platform.outbox.Outbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-click unsubscribe links (RFC 8058). Each release mail, invitation and reminder carries its own random token;
 * only its SHA-256 is stored, so the tables alone cannot unsubscribe anyone. A release token unsubscribes the contact
 * from releases (ContactUnsubscribed); an invitation's or reminder's token suppresses invitations and reminders to
 * that address (MailUnsubscribed, so that the requester stops asking).
 */
@Service
public class Unsubscribes {
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final Suppressions suppressions;
    private final RequestSuppressions requestSuppressions;
    private final AddressKey key;
    private final Outbox outbox;
    private final String baseUrl;

    Unsubscribes(
            JdbcClient jdbc,
            JdbcTemplate batches,
            Suppressions suppressions,
            RequestSuppressions requestSuppressions,
            AddressKey key,
            Outbox outbox,
            @Value("${chorus.public-url:http://localhost:8084}") String baseUrl) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.suppressions = suppressions;
        this.requestSuppressions = requestSuppressions;
        this.key = key;
        this.outbox = outbox;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /**
     * Who a token unsubscribes: a contact from releases, or (contactId null) an invitee from invitations, and the
     * languages they read, preferred first, comma-separated (a contact's, or the language the invitation was written in).
     */
    record Subscriber(UUID contactId, String languages, boolean unsubscribed) {
        boolean invitations() {
            return contactId == null;
        }
    }

    /**
     * New unsubscribe links for the contacts, in their order, stored (hashed) in the caller's transaction in one JDBC
     * batch.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<String> issueUrls(List<UUID> contactIds) {
        List<String> tokens = contactIds.stream().map(contact -> newToken()).toList();
        List<Object[]> rows = new ArrayList<>(contactIds.size());
        for (int i = 0; i < contactIds.size(); i++) {
            rows.add(new Object[] {hash(tokens.get(i)), contactIds.get(i)});
        }
        for (int from = 0; from < rows.size(); from += BATCH) {
            batches.batchUpdate(
                    "insert into unsubscribe_token (token_hash, contact_id) values (?, ?)",
                    rows.subList(from, Math.min(rows.size(), from + BATCH)));
        }
        return tokens.stream().map(this::urlFor).toList();
    }

    /** A new unsubscribe link for a requested invitation or reminder, stored (hashed) in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String issueRequestUrl(
            UUID requestId, String template, String eventSubject, String address, String language) {
        String token = newToken();
        jdbc.sql("""
                        insert into request_unsubscribe_token (token_hash, request_id, template, event_subject,
                                                               address_hash, scheme, language)
                        values (?, ?, ?, ?, address_hmac(?, ?, ?), ?, ?)""")
                .params(
                        hash(token),
                        requestId,
                        template,
                        eventSubject,
                        address,
                        key.innerPad(),
                        key.outerPad(),
                        AddressKey.SCHEME,
                        language)
                .update();
        return urlFor(token);
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String urlFor(String token) {
        return baseUrl + "/unsubscribe/" + token;
    }

    @Transactional(readOnly = true)
    Optional<Subscriber> find(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        Optional<Subscriber> contact =
                jdbc.sql("""
                        select c.id as contact_id, array_to_string(c.languages || c.language, ',') as languages,
                               c.unsubscribed_at is not null as unsubscribed
                        from unsubscribe_token t join contact c on c.id = t.contact_id
                        where t.token_hash = ?""").param(hash(token)).query(Subscriber.class).optional();
        if (contact.isPresent()) {
            return contact;
        }
        return jdbc.sql("""
                        select null::uuid as contact_id, language as languages,
                               used_at is not null as unsubscribed
                        from request_unsubscribe_token where token_hash = ?""").param(hash(token)).query(Subscriber.class).optional();
    }

    /** Takes effect at once; publishes ContactUnsubscribed the first time. Empty for an unknown or forged token. */
    @Transactional
    Optional<Subscriber> unsubscribe(String token, Instant now) {
        Optional<Subscriber> subscriber = find(token);
        if (subscriber.isPresent() && subscriber.get().invitations()) {
            unsubscribeFromInvitations(token, now);
            return subscriber;
        }
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

    /** Suppresses invitations and reminders to the address; the first use of a token publishes MailUnsubscribed. */
    private void unsubscribeFromInvitations(String token, Instant now) {
        record Used(UUID requestId, String template, String eventSubject, String addressHash, String scheme) {}
        Optional<Used> used = jdbc.sql("""
                        update request_unsubscribe_token set used_at = ? where token_hash = ? and used_at is null
                        returning request_id, template, event_subject, address_hash, scheme""")
                .params(Timestamp.from(now), hash(token))
                .query(Used.class)
                .optional();
        used.ifPresent(first -> {
            requestSuppressions.unsubscribe(
                    first.addressHash(),
                    first.scheme(),
                    RequestSuppressions.unsubscribeScope(first.template()).orElseThrow());
            outbox.append(
                    EventTypes.MAIL_UNSUBSCRIBED,
                    first.eventSubject() != null ? first.eventSubject() : first.requestId(),
                    first.requestId(),
                    new MailUnsubscribed(first.requestId(), first.template()));
        });
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
