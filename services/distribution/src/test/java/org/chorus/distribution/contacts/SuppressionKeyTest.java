package org.chorus.distribution.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.chorus.distribution.Fixtures;
import org.chorus.distribution.ledger.RequestSuppressions;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.Mailbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The suppression list keeps addresses only as HMAC-SHA256 under the service's key, which is not in the database, so
 * hashing guessed addresses against a copy of it finds nothing; addresses suppressed before (unkeyed SHA-256) stay
 * suppressed.
 */
@ChorusServiceTest
class SuppressionKeyTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Suppressions suppressions;

    @Autowired
    RequestSuppressions requestSuppressions;

    @Autowired
    TransactionTemplate tx;

    @Value("${chorus.distribution.suppression-key}")
    String key;

    Fixtures fixtures;

    @BeforeEach
    void client() {
        fixtures = new Fixtures(new Http("http://localhost:" + port), jdbc);
    }

    @Test
    void anUnsubscribedAddressIsKeptOnlyAsAKeyedHashAndReceivesNoLaterRelease() throws Exception {
        String gone = Mailbox.uniqueAddress("keyed-gone");
        String staying = Mailbox.uniqueAddress("keyed-staying");
        String firstList = fixtures.list(List.of(new Fixtures.Person("Gone", gone, "en", false)));
        UUID contact = UUID.fromString(fixtures.contactId(firstList, gone));
        tx.executeWithoutResult(
                status -> suppressions.suppress(contact, Suppressions.Reason.UNSUBSCRIBED, Instant.now()));

        record Stored(String addressHash, String scheme) {}
        List<Stored> stored = jdbc.sql("select address_hash, scheme from suppression where contact_id = ?")
                .param(contact)
                .query(Stored.class)
                .list();
        assertThat(stored).containsExactly(new Stored(hmac(gone), "hmac-sha256"));
        assertThat(stored.get(0).addressHash()).isNotEqualTo(sha256(gone));
        assertThat(suppressions.suppressed(gone.toUpperCase(Locale.ROOT))).isTrue();

        UUID statementId = fixtures.publishedStatement("Keyed suppression", "We urge their release.", "en");
        String laterList = fixtures.list(List.of(
                new Fixtures.Person("Gone again", gone, "en", false),
                new Fixtures.Person("Staying", staying, "en", false)));
        String release = fixtures.release(statementId, laterList);
        fixtures.awaitSent(release, 1);
        assertThat(Mailbox.messagesTo(staying)).hasSize(1);
        assertThat(Mailbox.messagesTo(gone)).isEmpty();
    }

    @Test
    void anAddressSuppressedUnderTheOlderUnkeyedHashStaysSuppressed() {
        String bounced = Mailbox.uniqueAddress("legacy-bounced");
        String staying = Mailbox.uniqueAddress("legacy-staying");
        jdbc.sql("insert into suppression (address_hash, scheme, reason) values (?, 'sha256', 'HARD_BOUNCE')")
                .param(sha256(bounced))
                .update();
        jdbc.sql("""
                        insert into request_suppression (address_hash, scheme, scope, reason)
                        values (?, 'sha256', '*', 'HARD_BOUNCE')""").param(sha256(bounced)).update();

        assertThat(suppressions.suppressed(bounced)).isTrue();
        Optional<String> requested =
                tx.execute(status -> requestSuppressions.reasonFor(bounced, "signature-confirmation"));
        assertThat(requested).contains("suppressed: bounced");
        UUID statementId = fixtures.publishedStatement("Legacy suppression", "We urge their release.", "en");
        String listId = fixtures.list(List.of(
                new Fixtures.Person("Bounced", bounced, "en", false),
                new Fixtures.Person("Staying", staying, "en", false)));
        String release = fixtures.release(statementId, listId);
        fixtures.awaitSent(release, 1);
        assertThat(Mailbox.messagesTo(staying)).hasSize(1);
        assertThat(Mailbox.messagesTo(bounced)).isEmpty();
    }

    private String hmac(String address) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(key), "HmacSHA256"));
        return HexFormat.of()
                .formatHex(mac.doFinal(address.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
    }

    private static String sha256(String address) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(address.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
