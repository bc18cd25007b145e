package org.chorus.tracking.counts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.chorus.events.Envelope;
import org.chorus.events.EventTypes;
import org.chorus.events.SignatoryKind;
import org.chorus.events.SignatureConfirmed;
import org.chorus.events.StatementOpened;
import org.chorus.events.Topics;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ChorusServiceTest
class SignOnCountsTest {
    static final Duration PATIENCE = Duration.ofSeconds(20);
    static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    Http http;
    UUID statementId = UUID.randomUUID();

    @BeforeEach
    void client() {
        http = new Http("http://localhost:" + port);
    }

    @Test
    void countsGrowAsSignersConfirm() {
        open(statementId, "Stop the Xiamen incinerator");
        confirm(statementId, SignatoryKind.ORGANISATION, "GB");
        awaitCounts(
                statementId,
                counts -> assertThat(counts.get("confirmed").asLong()).isEqualTo(1));

        confirm(statementId, SignatoryKind.ORGANISATION, "GB");
        confirm(statementId, SignatoryKind.INDIVIDUAL, "MX");
        confirm(statementId, SignatoryKind.INDIVIDUAL, null);

        // The title travels on the statements topic, the confirmations on the signatures topic: either may land first.
        JsonNode counts = awaitCounts(statementId, body -> {
            assertThat(body.get("confirmed").asLong()).isEqualTo(4);
            assertThat(body.get("title").asString()).isEqualTo("Stop the Xiamen incinerator");
        });
        assertThat(counts.get("statementId").asString()).isEqualTo(statementId.toString());
        assertThat(counts.get("byKind")).isEqualTo(json("{\"ORGANISATION\": 2, \"INDIVIDUAL\": 2}"));
        assertThat(counts.get("byCountry")).isEqualTo(json("{\"GB\": 2, \"MX\": 1, \"none\": 1}"));
    }

    @Test
    void onlyKindsThatSignedAreListed() {
        confirm(statementId, SignatoryKind.INDIVIDUAL, "KE");

        JsonNode counts = awaitCounts(
                statementId, body -> assertThat(body.get("confirmed").asLong()).isEqualTo(1));
        assertThat(counts.get("byKind")).isEqualTo(json("{\"INDIVIDUAL\": 1}"));
        assertThat(counts.get("byCountry")).isEqualTo(json("{\"KE\": 1}"));
    }

    @Test
    void redeliveredConfirmationIsCountedOnce() {
        Envelope<SignatureConfirmed> confirmation = confirmation(statementId, SignatoryKind.ORGANISATION, "GB");
        TopicReader.send(Topics.SIGNATURES, statementId.toString(), confirmation);
        TopicReader.send(Topics.SIGNATURES, statementId.toString(), confirmation);
        confirm(statementId, SignatoryKind.INDIVIDUAL, "MX");

        // Same key, same partition: once the later confirmation shows, the duplicate before it was processed.
        JsonNode counts = awaitCounts(
                statementId,
                body -> assertThat(body.at("/byCountry/MX").asLong()).isEqualTo(1));
        assertThat(counts.get("confirmed").asLong()).isEqualTo(2);
        assertThat(counts.get("byCountry")).isEqualTo(json("{\"GB\": 1, \"MX\": 1}"));
    }

    @Test
    void aSignatureRepublishedUnderANewEventIdIsCountedOnce() {
        SignatureConfirmed signature =
                confirmation(statementId, SignatoryKind.INDIVIDUAL, "FR").data();
        TopicReader.send(Topics.SIGNATURES, statementId.toString(), envelope(statementId, signature));
        TopicReader.send(Topics.SIGNATURES, statementId.toString(), envelope(statementId, signature));
        confirm(statementId, SignatoryKind.INDIVIDUAL, "DE");

        JsonNode counts = awaitCounts(
                statementId,
                body -> assertThat(body.at("/byCountry/DE").asLong()).isEqualTo(1));
        assertThat(counts.get("confirmed").asLong()).isEqualTo(2);
        assertThat(counts.get("byCountry")).isEqualTo(json("{\"DE\": 1, \"FR\": 1}"));
    }

    @Test
    void statementsDoNotMixCounts() {
        UUID other = UUID.randomUUID();
        open(statementId, "First statement");
        open(other, "Second statement");
        confirm(statementId, SignatoryKind.ORGANISATION, "GB");
        confirm(other, SignatoryKind.INDIVIDUAL, "BR");
        confirm(other, SignatoryKind.INDIVIDUAL, "BR");

        JsonNode first = awaitCounts(statementId, body -> {
            assertThat(body.get("confirmed").asLong()).isEqualTo(1);
            assertThat(body.get("title").asString()).isEqualTo("First statement");
        });
        JsonNode second = awaitCounts(other, body -> {
            assertThat(body.get("confirmed").asLong()).isEqualTo(2);
            assertThat(body.get("title").asString()).isEqualTo("Second statement");
        });
        assertThat(first.get("byCountry")).isEqualTo(json("{\"GB\": 1}"));
        assertThat(second.get("byCountry")).isEqualTo(json("{\"BR\": 2}"));
        assertThat(second.get("byKind")).isEqualTo(json("{\"INDIVIDUAL\": 2}"));
    }

    @Test
    void confirmationsArrivingBeforeTheStatementOpenedAreKept() {
        confirm(statementId, SignatoryKind.ORGANISATION, "IN");
        JsonNode before = awaitCounts(
                statementId, body -> assertThat(body.get("confirmed").asLong()).isEqualTo(1));
        assertThat(before.has("title")).isTrue();
        assertThat(before.get("title").isNull()).isTrue();

        open(statementId, "Opened late");
        JsonNode after = awaitCounts(
                statementId, body -> assertThat(body.get("title").asString()).isEqualTo("Opened late"));
        assertThat(after.get("confirmed").asLong()).isEqualTo(1);
    }

    @Test
    void theListShowsEveryTrackedStatementWithItsTotal() {
        UUID signedBeforeOpening = UUID.randomUUID();
        open(statementId, "Listed statement");
        confirm(statementId, SignatoryKind.ORGANISATION, "GB");
        confirm(statementId, SignatoryKind.ORGANISATION, "ZA");
        confirm(signedBeforeOpening, SignatoryKind.INDIVIDUAL, "ZA");

        Eventually.await(PATIENCE, () -> {
            var list = http.get("/api/statements");
            assertThat(list.status()).isEqualTo(200);
            JsonNode listed = find(list.json(), statementId);
            assertThat(listed.get("title").asString()).isEqualTo("Listed statement");
            assertThat(listed.get("confirmed").asLong()).isEqualTo(2);
            JsonNode unopened = find(list.json(), signedBeforeOpening);
            assertThat(unopened.get("title").isNull()).isTrue();
            assertThat(unopened.get("confirmed").asLong()).isEqualTo(1);
        });
    }

    @Test
    void unknownStatementIsNotFound() {
        var unknown = http.get("/api/statements/" + UUID.randomUUID() + "/counts");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.json().get("status").asInt()).isEqualTo(404);
    }

    @Test
    void malformedStatementIdIsABadRequest() {
        var malformed = http.get("/api/statements/not-a-uuid/counts");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
    }

    private JsonNode awaitCounts(UUID statement, java.util.function.Consumer<JsonNode> assertion) {
        return Eventually.await(PATIENCE, () -> {
            var response = http.get("/api/statements/" + statement + "/counts");
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonNode body = response.json();
            assertion.accept(body);
            return body;
        });
    }

    private static JsonNode find(JsonNode list, UUID statement) {
        for (JsonNode entry : list) {
            if (entry.get("statementId").asString().equals(statement.toString())) {
                return entry;
            }
        }
        throw new AssertionError("statement " + statement + " not listed in " + list);
    }

    static void open(UUID statement, String title) {
        var data = new StatementOpened(statement, title, "en", 1, "The text people sign.", HASH);
        TopicReader.send(
                Topics.STATEMENTS,
                statement.toString(),
                Envelope.of(EventTypes.STATEMENT_OPENED, "/statements", statement, Instant.now(), data));
    }

    static void confirm(UUID statement, SignatoryKind kind, String country) {
        TopicReader.send(Topics.SIGNATURES, statement.toString(), confirmation(statement, kind, country));
    }

    static Envelope<SignatureConfirmed> confirmation(UUID statement, SignatoryKind kind, String country) {
        var data = new SignatureConfirmed(
                UUID.randomUUID(), statement, kind, "A signer", country, null, 1, HASH, Instant.now());
        return envelope(statement, data);
    }

    private static Envelope<SignatureConfirmed> envelope(UUID statement, SignatureConfirmed data) {
        return Envelope.of(EventTypes.SIGNATURE_CONFIRMED, "/signatures", statement, Instant.now(), data);
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
