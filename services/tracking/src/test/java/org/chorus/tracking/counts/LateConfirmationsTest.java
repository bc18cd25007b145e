package org.chorus.tracking.counts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chorus.tracking.TrackingEvents.PATIENCE;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.chorus.events.EventTypes;
import org.chorus.events.SignatoryKind;
import org.chorus.events.StatementClosed;
import org.chorus.events.StatementPublished;
import org.chorus.events.StatementWithdrawn;
import org.chorus.events.Visibility;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.tracking.TrackingEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Tracking applies the end of sign-on itself: a confirmation made after the moment the lifecycle events name counts
 * nowhere (counts, public counter, dashboard, timeline), also when it is read before the close that ends it, and a
 * rebuild from the topics gives the same numbers.
 */
@ChorusServiceTest
class LateConfirmationsTest {

    @LocalServerPort
    int port;

    Http http;
    UUID statement = UUID.randomUUID();

    @BeforeEach
    void client() {
        http = new Http("http://localhost:" + port);
    }

    @Test
    void aConfirmationReadBeforeTheCloseThatEndsItIsDroppedFromEveryCountWhenTheCloseArrives() {
        Instant ended = Instant.now().truncatedTo(ChronoUnit.MICROS);
        TrackingEvents.open(statement, "Late confirmations", "en");
        TrackingEvents.confirm(
                statement, SignatoryKind.ORGANISATION, "NL", Visibility.PUBLIC, null, null, ended.minusSeconds(5));
        TrackingEvents.confirm(statement, SignatoryKind.ORGANISATION, "FR", Visibility.PUBLIC, null, null, ended);
        // confirmed a second after sign-on ended, read before the close
        TrackingEvents.confirm(
                statement, SignatoryKind.INDIVIDUAL, "DE", Visibility.PUBLIC, null, null, ended.plusSeconds(1));
        awaitCounts(counts -> assertThat(counts.get("confirmed").asLong()).isEqualTo(3));

        TrackingEvents.send(
                EventTypes.STATEMENT_CLOSED,
                statement,
                ended.plusSeconds(3),
                new StatementClosed(statement, 1, TrackingEvents.HASH_1, ended));
        JsonNode counts =
                awaitCounts(c -> assertThat(c.get("confirmed").asLong()).isEqualTo(2));
        assertThat(counts.get("byCountry").has("DE")).isFalse();
        assertThat(counts.at("/removed/AFTER_SIGN_ON_ENDED").asLong()).isEqualTo(1);
        assertThat(counts.at("/ended/reason").asString()).isEqualTo("CLOSED");

        // read after the close: never counted; a later publication and withdrawal cannot move the end later
        TrackingEvents.confirm(
                statement, SignatoryKind.ORGANISATION, "BE", Visibility.PUBLIC, null, null, ended.plusSeconds(10));
        TrackingEvents.send(
                EventTypes.STATEMENT_PUBLISHED,
                statement,
                new StatementPublished(statement, 1, TrackingEvents.HASH_1, ended.plusSeconds(30)));
        TrackingEvents.send(
                EventTypes.STATEMENT_WITHDRAWN,
                statement,
                new StatementWithdrawn(statement, "Withdrawn", ended.plusSeconds(60)));
        counts = awaitCounts(
                c -> assertThat(c.at("/removed/AFTER_SIGN_ON_ENDED").asLong()).isEqualTo(2));
        assertThat(counts.get("confirmed").asLong()).isEqualTo(2);
        assertThat(Instant.parse(counts.at("/ended/at").asString())).isEqualTo(ended);
        assertThat(http.get("/public/statements/" + statement + "/counter")
                        .json()
                        .get("confirmed")
                        .asLong())
                .isEqualTo(2);

        var rebuild = http.postJson("/api/admin/rebuild?swap=true", "");
        assertThat(rebuild.status()).as(rebuild.body()).isEqualTo(200);
        assertThat(rebuild.json().get("equal").asBoolean()).as(rebuild.body()).isTrue();
        JsonNode rebuilt = counts();
        assertThat(rebuilt.get("confirmed").asLong()).isEqualTo(2);
        assertThat(rebuilt.at("/removed/AFTER_SIGN_ON_ENDED").asLong()).isEqualTo(2);
    }

    @Test
    void anOlderCloseWithoutTheMomentEndsSignOnAtTheTimeItWasWritten() {
        Instant closedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        TrackingEvents.open(statement, "Old close", "en");
        TrackingEvents.confirm(
                statement, SignatoryKind.ORGANISATION, "NL", Visibility.PUBLIC, null, null, closedAt.minusSeconds(1));
        TrackingEvents.confirm(
                statement, SignatoryKind.ORGANISATION, "FR", Visibility.PUBLIC, null, null, closedAt.plusSeconds(1));
        TrackingEvents.send(
                EventTypes.STATEMENT_CLOSED,
                statement,
                closedAt,
                new StatementClosed(statement, 1, TrackingEvents.HASH_1));
        awaitCounts(counts -> {
            assertThat(counts.get("confirmed").asLong()).isEqualTo(1);
            assertThat(counts.get("byCountry").has("NL")).isTrue();
        });
    }

    @Test
    void aConfirmationAfterAPassedDeadlineCountsNowhereThoughNoCloseEverCame() {
        Instant deadline = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MICROS);
        TrackingEvents.open(statement, "Deadline without a close", "en");
        UUID invited = TrackingEvents.invite(statement, 1, "Amnesty International", "GB", "en");
        TrackingEvents.confirm(
                statement, SignatoryKind.ORGANISATION, "NL", Visibility.PUBLIC, null, null, deadline.minusSeconds(5));
        TrackingEvents.confirm(statement, SignatoryKind.ORGANISATION, "FR", Visibility.PUBLIC, null, null, deadline);
        // confirmed a second after the deadline, read before the schedule that names it
        TrackingEvents.confirm(
                statement, SignatoryKind.INDIVIDUAL, "DE", Visibility.PUBLIC, invited, 1, deadline.plusSeconds(1));
        awaitCounts(counts -> assertThat(counts.get("confirmed").asLong()).isEqualTo(3));

        TrackingEvents.schedule(statement, deadline, 10);
        // read after the schedule: never counted
        TrackingEvents.confirm(
                statement, SignatoryKind.ORGANISATION, "BE", Visibility.PUBLIC, null, null, deadline.plusSeconds(30));
        JsonNode counts = awaitCounts(c -> {
            assertThat(c.at("/removed/AFTER_SIGN_ON_ENDED").asLong()).isEqualTo(2);
            assertThat(c.get("confirmed").asLong()).isEqualTo(2);
        });
        assertThat(counts.get("byCountry").has("DE")).isFalse();
        assertThat(counts.get("byCountry").has("BE")).isFalse();
        assertThat(counts.at("/progress/confirmed").asLong()).isEqualTo(2);
        // no close event came: sign-on ended with the deadline, and says so
        assertThat(counts.at("/ended/reason").asString()).isEqualTo("DEADLINE");
        assertThat(Instant.parse(counts.at("/ended/at").asString())).isEqualTo(deadline);
        var counter = http.get("/public/statements/" + statement + "/counter").json();
        assertThat(counter.get("confirmed").asLong()).isEqualTo(2);
        assertThat(counter.at("/countries").has("DE")).isFalse();
        long onTheTimeline = 0;
        for (JsonNode bucket :
                http.get("/api/statements/" + statement + "/timeline?per=day").json()) {
            onTheTimeline += bucket.get("confirmed").asLong();
        }
        assertThat(onTheTimeline).isEqualTo(2);
        assertThat(http.get("/api/statements/" + statement + "/pipeline")
                        .json()
                        .at("/total/signed")
                        .asLong())
                .as("the invitee confirmed after the deadline")
                .isZero();
        for (JsonNode tracked : http.get("/api/statements").json()) {
            if (tracked.get("statementId").asString().equals(statement.toString())) {
                assertThat(tracked.get("confirmed").asLong()).isEqualTo(2);
            }
        }

        var rebuild = http.postJson("/api/admin/rebuild?swap=true", "");
        assertThat(rebuild.status()).as(rebuild.body()).isEqualTo(200);
        assertThat(rebuild.json().get("equal").asBoolean()).as(rebuild.body()).isTrue();
        assertThat(counts().get("confirmed").asLong()).isEqualTo(2);
    }

    private JsonNode counts() {
        var response = http.get("/api/statements/" + statement + "/counts");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private JsonNode awaitCounts(java.util.function.Consumer<JsonNode> check) {
        return Eventually.await(PATIENCE, () -> {
            JsonNode counts = counts();
            check.accept(counts);
            return counts;
        });
    }
}
