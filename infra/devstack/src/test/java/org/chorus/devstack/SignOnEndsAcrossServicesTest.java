package org.chorus.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chorus.events.Envelope;
import org.chorus.events.EventTypes;
import org.chorus.events.SignatoryKind;
import org.chorus.events.SignatureConfirmed;
import org.chorus.events.Topics;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.Infrastructure;
import org.chorus.testsupport.Mailbox;
import org.chorus.testsupport.RealInfrastructure;
import org.chorus.testsupport.TopicReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Publishing closes sign-on on the whole platform: the public form and the confirmation link say so, and a
 * confirmation on the wire after the end (a racing confirmation, a replay) changes no count, no list and no release.
 */
class SignOnEndsAcrossServicesTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern CONFIRM_LINK = Pattern.compile("(http://\\S+/confirm/[A-Za-z0-9_-]+)");

    static Infrastructure infrastructure;
    static Http statements;
    static Http signatures;
    static Http tracking;
    static Http distribution;

    @BeforeAll
    static void startThePlatform() {
        infrastructure = RealInfrastructure.get();
        statements = TestPlatform.statements();
        signatures = TestPlatform.signatures();
        tracking = TestPlatform.tracking();
        distribution = TestPlatform.distribution();
    }

    @Test
    void aSignatureConfirmedAfterPublicationIsNeverCountedListedOrReleased() throws Exception {
        String id = statements
                .postJson(
                        "/api/statements",
                        Map.of(
                                "title",
                                "Release the defenders",
                                "body",
                                "We call for their release.",
                                "language",
                                "en"))
                .json()
                .get("id")
                .asString();
        assertThat(statements.postJson("/api/statements/" + id + "/open", "").status())
                .isEqualTo(200);
        Eventually.await(
                WAIT, () -> assertThat(signatures.get("/sign/" + id).status()).isEqualTo(200));
        String hash = statements
                .get("/api/statements/" + id)
                .json()
                .at("/revision/contentHash")
                .asString();

        String inTime = "in-time@lifecycle.example";
        String pending = "pending@lifecycle.example";
        assertThat(signatures
                        .postForm("/sign/" + id, form("In Time Coalition", "NL", inTime, hash))
                        .status())
                .isEqualTo(303);
        assertThat(signatures
                        .postForm("/sign/" + id, form("Pending Coalition", "FR", pending, hash))
                        .status())
                .isEqualTo(303);
        String inTimeLink = Eventually.await(WAIT, () -> confirmLink(inTime));
        String pendingLink = Eventually.await(WAIT, () -> confirmLink(pending));
        assertThat(signatures.postForm(inTimeLink, Map.of()).status()).isEqualTo(200);
        Eventually.await(WAIT, () -> assertThat(counter(id)).isEqualTo(1));

        assertThat(statements
                        .postJson("/api/statements/" + id + "/publish", Map.of("confirm", true))
                        .status())
                .isEqualTo(200);
        Instant published = Instant.now();

        // what signers see from now on
        Eventually.await(
                WAIT, () -> assertThat(signatures.get("/sign/" + id).status()).isEqualTo(409));
        assertThat(signatures.get("/sign/" + id + "?lang=ru").body()).contains("Сбор подписей завершён");
        var lateSubmission =
                signatures.postForm("/sign/" + id, form("Late Coalition", "DE", "late@lifecycle.example", hash));
        assertThat(lateSubmission.status()).isEqualTo(409);
        assertThat(lateSubmission.body()).contains("Sign-on has ended");
        var lateConfirmation = signatures.postForm(pendingLink, Map.of());
        assertThat(lateConfirmation.status()).isEqualTo(409);
        assertThat(lateConfirmation.body()).contains("Sign-on has ended", "Nothing sent from this page was recorded");

        // a confirmation committed after the end still reaches the wire (a race, a replay): nobody counts it
        UUID late = UUID.randomUUID();
        TopicReader.send(
                Topics.SIGNATURES,
                id,
                Envelope.of(
                        EventTypes.SIGNATURE_CONFIRMED,
                        "/signatures",
                        id,
                        Instant.now(),
                        new SignatureConfirmed(
                                late,
                                UUID.fromString(id),
                                SignatoryKind.ORGANISATION,
                                "Racing Coalition",
                                "BE",
                                null,
                                1,
                                hash,
                                published.plusMillis(5))));
        Eventually.await(WAIT, () -> {
            assertThat(rows("select count(*) from tracking.signature where signature_id = ?", late))
                    .isEqualTo(1);
            assertThat(rows("select count(*) from distribution.signatory where signature_id = ?", late))
                    .isEqualTo(1);
        });

        assertThat(counter(id)).as("the public counter").isEqualTo(1);
        var counts = tracking.get("/api/statements/" + id + "/counts").json();
        assertThat(counts.get("confirmed").asInt()).isEqualTo(1);
        assertThat(counts.at("/removed/AFTER_SIGN_ON_ENDED").asInt()).isEqualTo(1);
        assertThat(signatures
                        .withHeader("Authorization", "Bearer " + DevStack.DEV_API_TOKEN)
                        .get("/api/statements/" + id + "/signatories.txt")
                        .body())
                .isEqualTo("  1. In Time Coalition (Netherlands)\n");

        String desk = "desk@lifecycle.example";
        String listId = distribution
                .postJson("/api/contact-lists", Map.of("name", "Lifecycle press"))
                .json()
                .get("id")
                .asString();
        var contact = distribution.postJson(
                "/api/contact-lists/" + listId + "/contacts", Map.of("name", "Desk", "email", desk, "language", "en"));
        assertThat(contact.status()).isEqualTo(201);
        String preview = distribution
                .get("/api/releases/preview?statementId=" + id + "&contactId="
                        + contact.json().get("id").asString())
                .json()
                .get("body")
                .asString();
        assertThat(preview).contains("In Time Coalition").doesNotContain("Racing", "Pending", "Late Coalition");
        var release = Eventually.await(WAIT, () -> {
            var answer = distribution.postJson("/api/releases", Map.of("statementId", id, "contactListId", listId));
            assertThat(answer.status()).isEqualTo(201);
            return answer.json();
        });
        assertThat(release.get("signatories").asInt()).isEqualTo(1);
        String mail = Eventually.await(WAIT, () -> {
            List<MimeMessage> mails = Mailbox.messagesTo(desk);
            assertThat(mails).hasSize(1);
            return Mailbox.body(mails.get(0));
        });
        assertThat(mail).contains("In Time Coalition").doesNotContain("Racing", "Pending", "Late Coalition");
        assertThat(Mailbox.messagesTo("late@lifecycle.example"))
                .as("no confirmation mail for a late submission")
                .isEmpty();
    }

    private static Map<String, String> form(String name, String country, String email, String hash) {
        return Map.of(
                "name",
                name,
                "country",
                country,
                "qualifier",
                "",
                "contactName",
                "Contact for " + name,
                "email",
                email,
                "authorised",
                "true",
                "revisionHash",
                hash,
                "website",
                "");
    }

    private static long counter(String id) {
        var answer = tracking.get("/public/statements/" + id + "/counter");
        assertThat(answer.status()).isEqualTo(200);
        return answer.json().get("confirmed").asLong();
    }

    private static String confirmLink(String address) {
        List<MimeMessage> mails = Mailbox.messagesTo(address);
        assertThat(mails).as("mails to %s", address).hasSize(1);
        Matcher link = CONFIRM_LINK.matcher(Mailbox.body(mails.get(0)));
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    static long rows(String sql, UUID id) {
        try (Connection database = DriverManager.getConnection(
                        infrastructure.jdbcUrl(), infrastructure.dbUser(), infrastructure.dbPassword());
                PreparedStatement query = database.prepareStatement(sql)) {
            query.setObject(1, id);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
