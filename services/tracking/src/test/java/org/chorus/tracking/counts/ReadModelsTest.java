package org.chorus.tracking.counts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chorus.tracking.TrackingEvents.PATIENCE;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Consumer;
import org.chorus.events.SignatoryKind;
import org.chorus.events.Visibility;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.tracking.TrackingEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a coordinator reads about sign-on: what counts, what no longer does, and where the statement stands. */
@ChorusServiceTest
class ReadModelsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    Http http;
    UUID statement = UUID.randomUUID();

    @BeforeEach
    void client() {
        http = new Http("http://localhost:" + port);
    }

    @Test
    void withdrawnRejectedAndMergedSignaturesNoLongerCount() {
        TrackingEvents.open(statement, "Free the Xiamen four", "en");
        UUID kept = TrackingEvents.confirm(statement, SignatoryKind.ORGANISATION, "GB");
        UUID withdrawn = TrackingEvents.confirm(statement, SignatoryKind.ORGANISATION, "GB");
        UUID rejected = TrackingEvents.confirm(statement, SignatoryKind.INDIVIDUAL, "MX");
        UUID duplicate = TrackingEvents.confirm(statement, SignatoryKind.ORGANISATION, "GB");
        TrackingEvents.confirm(statement, SignatoryKind.INDIVIDUAL, "KE");
        TrackingEvents.withdraw(statement, withdrawn);
        TrackingEvents.withdraw(statement, withdrawn);
        TrackingEvents.reject(statement, rejected);
        TrackingEvents.merge(statement, duplicate, kept);

        JsonNode counts = awaitCounts(
                body -> assertThat(body.at("/removed/MERGED").asLong()).isEqualTo(1));
        assertThat(counts.get("confirmed").asLong()).isEqualTo(2);
        assertThat(counts.get("byCountry")).isEqualTo(json("{\"GB\": 1, \"KE\": 1}"));
        assertThat(counts.get("byKind")).isEqualTo(json("{\"ORGANISATION\": 1, \"INDIVIDUAL\": 1}"));
        assertThat(counts.get("removed")).isEqualTo(json("{\"MERGED\": 1, \"REJECTED\": 1, \"WITHDRAWN\": 1}"));
        Eventually.await(
                PATIENCE,
                () -> assertThat(listed(statement).get("confirmed").asLong()).isEqualTo(2));
    }

    @Test
    void aWithdrawalSeenBeforeItsConfirmationStillSubtracts() {
        UUID signature = UUID.randomUUID();
        // the signer's withdrawal overtook their confirmation (a rebuilt or re-partitioned log): order must not matter
        TrackingEvents.withdraw(statement, signature);
        TrackingEvents.send(
                org.chorus.events.EventTypes.SIGNATURE_CONFIRMED,
                statement,
                new org.chorus.events.SignatureConfirmed(
                        signature,
                        statement,
                        SignatoryKind.INDIVIDUAL,
                        "Late confirmation",
                        "FR",
                        null,
                        1,
                        TrackingEvents.HASH_1,
                        Instant.now()));
        TrackingEvents.confirm(statement, SignatoryKind.INDIVIDUAL, "DE");

        JsonNode counts = awaitCounts(
                body -> assertThat(body.at("/byCountry/DE").asLong()).isEqualTo(1));
        assertThat(counts.get("confirmed").asLong()).isEqualTo(1);
        assertThat(counts.get("byCountry")).isEqualTo(json("{\"DE\": 1}"));
    }

    @Test
    void withheldSignersAreCountedAndTheirCountryOnlyWhenTheyAllowedIt() {
        Instant now = Instant.now();
        TrackingEvents.confirm(statement, SignatoryKind.INDIVIDUAL, "CN", Visibility.WITHHELD, null, null, now);
        TrackingEvents.confirm(statement, SignatoryKind.INDIVIDUAL, null, Visibility.WITHHELD, null, null, now);
        TrackingEvents.confirm(statement, SignatoryKind.ORGANISATION, "HK");

        JsonNode counts =
                awaitCounts(body -> assertThat(body.get("confirmed").asLong()).isEqualTo(3));
        assertThat(counts.get("byVisibility")).isEqualTo(json("{\"PUBLIC\": 1, \"WITHHELD\": 2}"));
        assertThat(counts.get("byCountry")).isEqualTo(json("{\"CN\": 1, \"HK\": 1, \"none\": 1}"));
    }

    @Test
    void countsByInvitationWave() {
        Instant now = Instant.now();
        TrackingEvents.confirm(
                statement, SignatoryKind.ORGANISATION, "NL", Visibility.PUBLIC, UUID.randomUUID(), 1, now);
        TrackingEvents.confirm(
                statement, SignatoryKind.ORGANISATION, "NL", Visibility.PUBLIC, UUID.randomUUID(), 2, now);
        TrackingEvents.confirm(
                statement, SignatoryKind.ORGANISATION, "BE", Visibility.PUBLIC, UUID.randomUUID(), 2, now);
        TrackingEvents.confirm(statement, SignatoryKind.INDIVIDUAL, "BE");

        JsonNode counts =
                awaitCounts(body -> assertThat(body.get("confirmed").asLong()).isEqualTo(4));
        assertThat(counts.get("byWave")).isEqualTo(json("{\"1\": 1, \"2\": 2, \"none\": 1}"));
    }

    @Test
    void reconsentShowsWhoConfirmedTheNewRevisionAndWhoIsStillOnTheOldOne() {
        UUID first = TrackingEvents.confirm(statement, SignatoryKind.ORGANISATION, "GB");
        TrackingEvents.confirm(statement, SignatoryKind.ORGANISATION, "FR");
        TrackingEvents.confirm(statement, SignatoryKind.ORGANISATION, "ES");
        Instant reconsentDeadline = Instant.parse("2030-03-01T12:00:00Z");
        TrackingEvents.requestReconsent(statement, 2, reconsentDeadline);
        TrackingEvents.reconfirm(statement, first, 2);
        TrackingEvents.reconfirm(statement, first, 2);

        JsonNode counts = awaitCounts(body ->
                assertThat(body.at("/reconsent/confirmedRevision").asLong()).isEqualTo(1));
        assertThat(counts.at("/reconsent/revision").asInt()).isEqualTo(2);
        assertThat(counts.at("/reconsent/onOlderRevision").asLong()).isEqualTo(2);
        assertThat(counts.at("/reconsent/deadline").asString()).isEqualTo("2030-03-01T12:00:00Z");
        assertThat(counts.get("byRevision")).isEqualTo(json("{\"1\": 2, \"2\": 1}"));
        assertThat(counts.get("confirmed").asLong()).isEqualTo(3);
    }

    @Test
    void theScheduleGivesDeadlineEmbargoAndProgressTowardTheTarget() {
        Instant deadline = Instant.parse("2030-02-11T12:00:00Z");
        // the schedule may be set before the statement is seen to open
        TrackingEvents.schedule(statement, deadline, 4);
        TrackingEvents.open(statement, "Scheduled statement", "fr");
        TrackingEvents.confirm(statement, SignatoryKind.ORGANISATION, "FR");

        JsonNode counts = awaitCounts(body -> {
            assertThat(body.get("confirmed").asLong()).isEqualTo(1);
            assertThat(body.get("title").asString()).isEqualTo("Scheduled statement");
        });
        assertThat(counts.at("/schedule/deadline").asString()).isEqualTo("2030-02-11T12:00:00Z");
        assertThat(counts.at("/schedule/embargoUntil").asString()).isEqualTo("2030-02-11T12:00:00Z");
        assertThat(counts.at("/schedule/timeZone").asString()).isEqualTo("Europe/Geneva");
        assertThat(counts.get("progress"))
                .isEqualTo(json(
                        "{\"target\": 4, \"confirmed\": 1, \"remaining\": 3, \"percent\": 25, \"reached\": false}"));

        TrackingEvents.schedule(statement, deadline, 1);
        JsonNode reached = awaitCounts(
                body -> assertThat(body.at("/progress/target").asInt()).isEqualTo(1));
        assertThat(reached.at("/progress/reached").asBoolean()).isTrue();
        assertThat(reached.at("/progress/percent").asInt()).isEqualTo(100);
        assertThat(reached.get("ended").isNull()).isTrue();

        TrackingEvents.send(
                org.chorus.events.EventTypes.STATEMENT_CLOSED,
                statement,
                Instant.parse("2030-02-11T12:00:05Z"),
                new org.chorus.events.StatementClosed(statement, 1, TrackingEvents.HASH_1));
        JsonNode closed =
                awaitCounts(body -> assertThat(body.get("ended").isNull()).isFalse());
        assertThat(closed.get("ended")).isEqualTo(json("{\"reason\": \"CLOSED\", \"at\": \"2030-02-11T12:00:05Z\"}"));
    }

    @Test
    void aStatementWhoseDeadlinePassedSaysWhenSignOnEnded() {
        Instant deadline = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        TrackingEvents.schedule(statement, deadline, null);
        TrackingEvents.open(statement, "Deadline statement", "fr");
        TrackingEvents.confirm(
                statement,
                SignatoryKind.ORGANISATION,
                "FR",
                Visibility.PUBLIC,
                null,
                null,
                deadline.minus(Duration.ofMinutes(10)));
        TrackingEvents.confirm(statement, SignatoryKind.ORGANISATION, "BE");

        JsonNode counts = awaitCounts(body ->
                assertThat(body.at("/removed/AFTER_SIGN_ON_ENDED").asLong()).isEqualTo(1));
        assertThat(counts.get("confirmed").asLong()).isEqualTo(1);
        assertThat(counts.get("ended")).isEqualTo(json("{\"reason\": \"DEADLINE\", \"at\": \"" + deadline + "\"}"));
        assertThat(http.get("/console/statements/" + statement + "?lang=fr").body())
                .contains("Signatures closes (date limite passée)");

        // closing afterwards does not move the end: it came first, with the deadline
        TrackingEvents.send(
                org.chorus.events.EventTypes.STATEMENT_CLOSED,
                statement,
                Instant.now(),
                new org.chorus.events.StatementClosed(statement, 1, TrackingEvents.HASH_1));
        Eventually.await(
                PATIENCE,
                () -> assertThat(http.get("/api/statements/" + statement + "/counts")
                                .json()
                                .get("ended"))
                        .isEqualTo(json("{\"reason\": \"DEADLINE\", \"at\": \"" + deadline + "\"}")));

        UUID later = UUID.randomUUID();
        TrackingEvents.schedule(later, Instant.now().plus(Duration.ofDays(3)), null);
        TrackingEvents.confirm(later, SignatoryKind.INDIVIDUAL, "DE");
        JsonNode running = Eventually.await(PATIENCE, () -> {
            var response = http.get("/api/statements/" + later + "/counts");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().get("confirmed").asLong()).isEqualTo(1);
            return response.json();
        });
        assertThat(running.get("ended").isNull())
                .as("a deadline still ahead ends nothing")
                .isTrue();
    }

    @Test
    void signOnOverTimeByHourAndByDay() {
        Instant monday = Instant.parse("2025-02-10T09:15:00Z");
        confirmAt(monday);
        confirmAt(monday.plus(Duration.ofMinutes(30)));
        confirmAt(monday.plus(Duration.ofHours(2)));
        UUID withdrawn = confirmAt(monday.plus(Duration.ofHours(2)));
        confirmAt(monday.plus(Duration.ofDays(1)));
        TrackingEvents.withdraw(statement, withdrawn);

        JsonNode byHour = Eventually.await(PATIENCE, () -> {
            JsonNode body = http.get("/api/statements/" + statement + "/timeline?per=hour")
                    .json();
            assertThat(body.size()).isEqualTo(3);
            assertThat(body.get(2).get("total").asLong()).isEqualTo(4);
            return body;
        });
        assertThat(byHour).isEqualTo(json("""
                [{"start": "2025-02-10T09:00:00Z", "confirmed": 2, "total": 2},
                 {"start": "2025-02-10T11:00:00Z", "confirmed": 1, "total": 3},
                 {"start": "2025-02-11T09:00:00Z", "confirmed": 1, "total": 4}]"""));
        JsonNode byDay =
                http.get("/api/statements/" + statement + "/timeline?per=day").json();
        assertThat(byDay).isEqualTo(json("""
                [{"start": "2025-02-10T00:00:00Z", "confirmed": 3, "total": 3},
                 {"start": "2025-02-11T00:00:00Z", "confirmed": 1, "total": 4}]"""));
    }

    @Test
    void anUnknownTimelinePeriodIsABadRequestAndAnUnknownStatementNotFound() {
        TrackingEvents.confirm(statement, SignatoryKind.INDIVIDUAL, "AR");
        awaitCounts(body -> assertThat(body.get("confirmed").asLong()).isEqualTo(1));

        var badPeriod = http.get("/api/statements/" + statement + "/timeline?per=fortnight");
        assertThat(badPeriod.status()).isEqualTo(400);
        assertThat(badPeriod.contentType()).startsWith("application/problem+json");
        assertThat(badPeriod.json().get("detail").asString()).contains("hour or day");

        var unknown = http.get("/api/statements/" + UUID.randomUUID() + "/timeline");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    private UUID confirmAt(Instant confirmedAt) {
        return TrackingEvents.confirm(
                statement,
                SignatoryKind.ORGANISATION,
                "GB",
                Visibility.PUBLIC,
                null,
                null,
                confirmedAt.truncatedTo(ChronoUnit.SECONDS));
    }

    private JsonNode awaitCounts(Consumer<JsonNode> assertion) {
        return Eventually.await(PATIENCE, () -> {
            var response = http.get("/api/statements/" + statement + "/counts");
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonNode body = response.json();
            assertion.accept(body);
            return body;
        });
    }

    private JsonNode listed(UUID wanted) {
        for (JsonNode entry : http.get("/api/statements").json()) {
            if (entry.get("statementId").asString().equals(wanted.toString())) {
                return entry;
            }
        }
        throw new AssertionError("statement " + wanted + " not listed");
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
