package org.chorus.distribution.releases;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.chorus.events.Envelope;
import org.chorus.events.EventType;
import org.chorus.events.EventTypes;
import org.chorus.events.ReleasePublished;
import org.chorus.events.SignatoryKind;
import org.chorus.events.SignatureConfirmed;
import org.chorus.events.SignatureCorrected;
import org.chorus.events.SignatureRejected;
import org.chorus.events.SignatureSubmitted;
import org.chorus.events.SignatureWithdrawn;
import org.chorus.events.StatementOpened;
import org.chorus.events.StatementPublished;
import org.chorus.events.Topics;
import org.chorus.events.Visibility;
import org.chorus.platform.sealing.DevelopmentKeys;
import org.chorus.platform.sealing.SignatorySealer;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.Mailbox;
import org.chorus.testsupport.TopicReader;
import org.chorus.testsupport.XiamenSeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@ChorusServiceTest
class ReleaseTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final XiamenSeed XIAMEN = XiamenSeed.load();
    private static final String HASH = "9f2c".repeat(16);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void client() {
        http = new Http("http://localhost:" + port);
    }

    @Test
    void eachPressContactReceivesTheStatementWithItsSignatoriesExactlyOnce() {
        UUID statementId = UUID.randomUUID();
        openXiamenStatementWithAllSignatories(statementId);
        List<String> addresses = List.of(
                Mailbox.uniqueAddress("newsdesk"), Mailbox.uniqueAddress("editor"), Mailbox.uniqueAddress("mep"));
        String listId = list("Brussels press", addresses);

        var released = http.postJson("/api/releases", Map.of("statementId", statementId, "contactListId", listId));
        assertThat(released.status()).isEqualTo(201);
        String releaseId = released.json().get("id").asString();
        assertThat(released.raw().headers().firstValue("Location")).contains("/api/releases/" + releaseId);
        assertThat(released.json().get("statementId").asString()).isEqualTo(statementId.toString());
        assertThat(released.json().get("contentHash").asString()).isEqualTo(HASH);
        assertThat(released.json().get("signatories").asInt()).isEqualTo(34);
        assertThat(released.json().get("recipients").asInt()).isEqualTo(3);

        Eventually.await(TIMEOUT, () -> {
            var progress = http.get("/api/releases/" + releaseId).json();
            assertThat(progress.at("/deliveries/sent").asInt()).isEqualTo(3);
        });
        var progress = http.get("/api/releases/" + releaseId).json();
        assertThat(progress.get("recipients").asInt()).isEqualTo(3);
        assertThat(progress.at("/deliveries/planned").asInt()).isZero();
        assertThat(progress.at("/deliveries/sending").asInt()).isZero();
        assertThat(progress.at("/deliveries/failed").asInt()).isZero();

        String expectedBody = XIAMEN.title() + "\n\n" + XIAMEN.body() + "\n\nSignatories:\n\n"
                + String.join("\n", XIAMEN.signatoryBlock()) + "\n";
        var contacts = http.get("/api/contact-lists/" + listId).json().get("contacts");
        for (int i = 0; i < addresses.size(); i++) {
            List<MimeMessage> mails = Mailbox.messagesTo(addresses.get(i));
            assertThat(mails).hasSize(1);
            assertThat(Mailbox.subject(mails.get(0))).isEqualTo(XIAMEN.title());
            String body = Mailbox.body(mails.get(0));
            assertThat(body.substring(0, body.indexOf("\n-- \n")).lines())
                    .containsExactlyElementsOf(expectedBody.lines().toList());
            assertThat(body.substring(body.indexOf("\n-- \n") + 5).lines())
                    .containsExactly("To stop receiving releases from us:", unsubscribeUrl(mails.get(0)));
            String contactId = contacts.get(i).get("id").asString();
            assertThat(Mailbox.header(mails.get(0), "Message-ID"))
                    .isEqualTo("<" + releaseId + "." + contactId + "@chorus>");
        }

        List<Envelope<?>> published =
                TopicReader.awaitEvents(Topics.DISTRIBUTION, EventTypes.RELEASE_PUBLISHED.name(), statementId, TIMEOUT);
        assertThat(published).hasSize(1);
        var event = (ReleasePublished) published.get(0).data();
        assertThat(event.releaseId().toString()).isEqualTo(releaseId);
        assertThat(event.contentHash()).isEqualTo(HASH);
        assertThat(event.signatories()).isEqualTo(34);
        assertThat(event.recipients()).isEqualTo(3);
    }

    @Test
    void aReleaseNeedsAKnownStatementAndAListWithContacts() {
        UUID statementId = UUID.randomUUID();
        openAndPublish(statementId, "A statement", "Its text.", "en");
        String emptyList = list("Nobody yet", List.of());
        String fullList = list("Somebody", List.of(Mailbox.uniqueAddress("somebody")));

        var unknownStatement =
                http.postJson("/api/releases", Map.of("statementId", UUID.randomUUID(), "contactListId", fullList));
        assertThat(unknownStatement.status()).isEqualTo(404);
        assertThat(unknownStatement.contentType()).startsWith("application/problem+json");

        var unknownList =
                http.postJson("/api/releases", Map.of("statementId", statementId, "contactListId", UUID.randomUUID()));
        assertThat(unknownList.status()).isEqualTo(404);
        assertThat(unknownList.contentType()).startsWith("application/problem+json");

        var empty = http.postJson("/api/releases", Map.of("statementId", statementId, "contactListId", emptyList));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.contentType()).startsWith("application/problem+json");
        assertThat(empty.json().get("detail").asString()).contains("has no contacts");

        var missing = http.postJson("/api/releases", Map.of("contactListId", fullList));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().at("/errors/0/field").asString()).isEqualTo("statementId");

        var malformed = http.postJson("/api/releases", "{\"statementId\": \"nope\"");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");

        assertThat(jdbc.sql("select count(*) from release where contact_list_id in (?, ?)")
                        .params(UUID.fromString(emptyList), UUID.fromString(fullList))
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from release where statement_id = ?")
                        .param(statementId)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void anUnknownReleaseIsNotFoundAndAForgedIdIsABadRequest() {
        var unknown = http.get("/api/releases/" + UUID.randomUUID());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(http.get("/api/releases/not-a-uuid").status()).isEqualTo(400);
    }

    private static String unsubscribeUrl(MimeMessage mail) {
        String header = Mailbox.header(mail, "List-Unsubscribe");
        return header.substring(1, header.indexOf('>'));
    }

    @Test
    void signersWhoWithdrewWereRejectedOrAreWithheldNeverAppearInTheRelease() {
        UUID statementId = UUID.randomUUID();
        openAndPublish(statementId, "Free the defenders", "We urge the release of all defenders.", "en");
        UUID stays = UUID.randomUUID();
        UUID withdraws = UUID.randomUUID();
        UUID hides = UUID.randomUUID();
        UUID rejected = UUID.randomUUID();
        UUID last = UUID.randomUUID();
        Instant at = Instant.parse("2025-02-10T08:00:00Z");
        send(
                statementId,
                EventTypes.SIGNATURE_CONFIRMED,
                confirmed(stays, statementId, "Lawyers for Lawyers", "NL", at));
        send(statementId, EventTypes.SIGNATURE_CONFIRMED, confirmed(withdraws, statementId, "Leaves Later", "GB", at));
        send(statementId, EventTypes.SIGNATURE_CONFIRMED, confirmed(hides, statementId, "Hides Later", "TW", at));
        send(
                statementId,
                EventTypes.SIGNATURE_CONFIRMED,
                new SignatureConfirmed(
                        UUID.randomUUID(),
                        statementId,
                        SignatoryKind.INDIVIDUAL,
                        null,
                        "CN",
                        null,
                        1,
                        HASH,
                        at,
                        Visibility.WITHHELD,
                        null,
                        null));
        send(statementId, EventTypes.SIGNATURE_CONFIRMED, confirmed(rejected, statementId, "Spam Org", null, at));
        send(statementId, EventTypes.SIGNATURE_WITHDRAWN, new SignatureWithdrawn(withdraws, statementId));
        send(
                statementId,
                EventTypes.SIGNATURE_CORRECTED,
                new SignatureCorrected(
                        hides, statementId, SignatoryKind.ORGANISATION, null, "TW", null, Visibility.WITHHELD));
        send(statementId, EventTypes.SIGNATURE_REJECTED, new SignatureRejected(rejected, statementId, "not real"));
        send(
                statementId,
                EventTypes.SIGNATURE_CONFIRMED,
                confirmed(last, statementId, "PEN America", "US", at.plusSeconds(60)));

        Eventually.await(
                TIMEOUT,
                () -> assertThat(
                                jdbc.sql("select name from signatory where statement_id = ? order by confirmed_at, seq")
                                        .param(statementId)
                                        .query(String.class)
                                        .list())
                        .containsExactly("Lawyers for Lawyers", "PEN America"));
        String address = Mailbox.uniqueAddress("desk");
        var released = http.postJson(
                "/api/releases", Map.of("statementId", statementId, "contactListId", list("Desk", List.of(address))));
        assertThat(released.json().get("signatories").asInt()).isEqualTo(2);
        MimeMessage mail = Eventually.await(TIMEOUT, () -> {
            assertThat(Mailbox.messagesTo(address)).hasSize(1);
            return Mailbox.messagesTo(address).get(0);
        });
        assertThat(Mailbox.body(mail))
                .contains("  1. Lawyers for Lawyers (Netherlands)\n  2. PEN America (United States)\n")
                .doesNotContain("Leaves Later", "Hides Later", "Spam Org", "null");
    }

    @Test
    void namesSealedForDistributionArePrintedAndASignerWhoTurnsWithheldLeavesNoNameBehind() {
        UUID statementId = UUID.randomUUID();
        openAndPublish(statementId, "Free the defenders", "We urge the release of all defenders.", "en");
        SignatorySealer sealer = DevelopmentKeys.signatorySealer();
        UUID stays = UUID.randomUUID();
        UUID hides = UUID.randomUUID();
        UUID renamed = UUID.randomUUID();
        Instant at = Instant.parse("2025-02-10T08:00:00Z");
        send(
                statementId,
                EventTypes.SIGNATURE_CONFIRMED_V2,
                sealer.confirmed(confirmed(stays, statementId, "Lawyers for Lawyers", "NL", at)));
        send(
                statementId,
                EventTypes.SIGNATURE_CONFIRMED_V2,
                sealer.confirmed(confirmed(hides, statementId, "Second Thoughts Collective", "TW", at)));
        send(
                statementId,
                EventTypes.SIGNATURE_CONFIRMED_V2,
                sealer.confirmed(confirmed(renamed, statementId, "Typo Watch", "GB", at.plusSeconds(30))));
        send(
                statementId,
                EventTypes.SIGNATURE_CORRECTED_V2,
                sealer.corrected(new SignatureCorrected(
                        hides, statementId, SignatoryKind.ORGANISATION, null, "TW", null, Visibility.WITHHELD)));
        send(
                statementId,
                EventTypes.SIGNATURE_CORRECTED_V2,
                sealer.corrected(new SignatureCorrected(
                        renamed,
                        statementId,
                        SignatoryKind.ORGANISATION,
                        "Rights Watch",
                        "GB",
                        "London office",
                        Visibility.PUBLIC)));
        send(
                statementId,
                EventTypes.SIGNATURE_CONFIRMED,
                confirmed(UUID.randomUUID(), statementId, "PEN America", "US", at.plusSeconds(60)));

        Eventually.await(
                TIMEOUT,
                () -> assertThat(jdbc.sql("select signatory::text from signatory where statement_id = ?"
                                        + " order by confirmed_at, seq")
                                .param(statementId)
                                .query(String.class)
                                .list())
                        .hasSize(3)
                        .noneMatch(row -> row.contains("Second Thoughts") || row.contains("Typo Watch")));
        String address = Mailbox.uniqueAddress("desk");
        var released = http.postJson(
                "/api/releases", Map.of("statementId", statementId, "contactListId", list("Desk", List.of(address))));
        assertThat(released.json().get("signatories").asInt()).isEqualTo(3);
        MimeMessage mail = Eventually.await(TIMEOUT, () -> {
            assertThat(Mailbox.messagesTo(address)).hasSize(1);
            return Mailbox.messagesTo(address).get(0);
        });
        assertThat(Mailbox.body(mail))
                .contains("  1. Lawyers for Lawyers (Netherlands)\n  2. Rights Watch (United Kingdom), London office\n"
                        + "  3. PEN America (United States)\n")
                .doesNotContain("Second Thoughts", "Typo Watch");
    }

    private static SignatureConfirmed confirmed(UUID id, UUID statementId, String name, String country, Instant at) {
        return new SignatureConfirmed(id, statementId, SignatoryKind.ORGANISATION, name, country, null, 1, HASH, at);
    }

    private static <T> void send(UUID statementId, EventType<T> type, T data) {
        TopicReader.send(
                Topics.SIGNATURES,
                statementId.toString(),
                Envelope.of(type, "/signatures", statementId, Instant.now(), data));
    }

    private void openXiamenStatementWithAllSignatories(UUID statementId) {
        openAndPublish(statementId, XIAMEN.title(), XIAMEN.body(), "en");
        Instant first = Instant.parse("2025-02-10T08:00:00Z");
        List<Envelope<?>> events = new ArrayList<>();
        for (int i = 0; i < XIAMEN.signatories().size(); i++) {
            XiamenSeed.Signatory signatory = XIAMEN.signatories().get(i);
            events.add(Envelope.of(
                    EventTypes.SIGNATURE_CONFIRMED,
                    "/signatures",
                    statementId,
                    Instant.now(),
                    new SignatureConfirmed(
                            UUID.randomUUID(),
                            statementId,
                            SignatoryKind.ORGANISATION,
                            signatory.name(),
                            signatory.countryCode(),
                            signatory.qualifier(),
                            1,
                            HASH,
                            first.plusSeconds(60L * i))));
        }
        events.add(Envelope.of(
                EventTypes.SIGNATURE_SUBMITTED,
                "/signatures",
                statementId,
                Instant.now(),
                new SignatureSubmitted(
                        UUID.randomUUID(), statementId, SignatoryKind.INDIVIDUAL, "Not yet confirmed", "FR", null)));
        Collections.shuffle(events, new Random(7));
        events.forEach(event -> TopicReader.send(Topics.SIGNATURES, statementId.toString(), event));
        Eventually.await(
                TIMEOUT,
                () -> assertThat(jdbc.sql("select count(*) from signatory where statement_id = ?")
                                .param(statementId)
                                .query(Integer.class)
                                .single())
                        .isEqualTo(XIAMEN.signatories().size()));
    }

    private void openAndPublish(UUID statementId, String title, String text, String language) {
        TopicReader.send(
                Topics.STATEMENTS,
                statementId.toString(),
                Envelope.of(
                        EventTypes.STATEMENT_OPENED,
                        "/statements",
                        statementId,
                        Instant.now(),
                        new StatementOpened(statementId, title, language, 1, text, HASH)));
        TopicReader.send(
                Topics.STATEMENTS,
                statementId.toString(),
                Envelope.of(
                        EventTypes.STATEMENT_PUBLISHED,
                        "/statements",
                        statementId,
                        Instant.now(),
                        new StatementPublished(statementId, 1, HASH)));
        Eventually.await(
                TIMEOUT,
                () -> assertThat(jdbc.sql("select count(*) from statement_copy where id = ? and status = 'PUBLISHED'")
                                .param(statementId)
                                .query(Integer.class)
                                .single())
                        .isEqualTo(1));
    }

    private String list(String name, List<String> addresses) {
        String id = http.postJson("/api/contact-lists", Map.of("name", name))
                .json()
                .get("id")
                .asString();
        for (String address : addresses) {
            var added = http.postJson(
                    "/api/contact-lists/" + id + "/contacts",
                    Map.of("name", "Contact " + address.substring(0, 6), "email", address, "outlet", "Outlet"));
            assertThat(added.status()).isEqualTo(201);
        }
        return id;
    }
}
