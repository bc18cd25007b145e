package org.chorus.distribution.releases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chorus.distribution.Fixtures;
import org.chorus.events.Envelope;
import org.chorus.events.EventTypes;
import org.chorus.events.ScheduleSet;
import org.chorus.events.StatementClosed;
import org.chorus.events.StatementPublished;
import org.chorus.events.StatementWithdrawn;
import org.chorus.events.Topics;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.Mailbox;
import org.chorus.testsupport.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@ChorusServiceTest
class StatementLifecycleTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Releases releases;

    @Autowired
    Clock clock;

    Http http;
    Fixtures fixtures;

    @BeforeEach
    void client() {
        http = new Http("http://localhost:" + port);
        fixtures = new Fixtures(http, jdbc);
    }

    @Test
    void aStatementStillOpenOrOnlyClosedCannotBeReleasedUntilItIsPublished() {
        UUID statementId = fixtures.openStatement("Not yet final", "Still collecting signatures.", "en");
        String reader = Mailbox.uniqueAddress("too-early");
        String listId = fixtures.list(List.of(new Fixtures.Person("Too Early", reader, "en", false)));

        var open = http.postJson("/api/releases", Map.of("statementId", statementId, "contactListId", listId));
        assertThat(open.status()).isEqualTo(409);
        assertThat(open.contentType()).startsWith("application/problem+json");
        assertThat(open.json().get("detail").asString())
                .contains("“Not yet final” is still open for signature")
                .contains("Only a published statement can be released");
        var testSend = http.postJson(
                "/api/releases/test-send", Map.of("statementId", statementId, "address", reader, "language", "en"));
        assertThat(testSend.status()).isEqualTo(409);

        Fixtures.send(EventTypes.STATEMENT_CLOSED, statementId, new StatementClosed(statementId, 1, Fixtures.HASH));
        fixtures.awaitStatus(statementId, "CLOSED");
        var closed = http.postJson("/api/releases", Map.of("statementId", statementId, "contactListId", listId));
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.json().get("detail").asString()).contains("closed for signature but not published yet");
        assertThat(releasesOf(statementId)).isZero();
        assertThat(Mailbox.messagesTo(reader)).isEmpty();

        fixtures.publish(statementId);
        String releaseId = fixtures.release(statementId, listId);

        fixtures.awaitSent(releaseId, 1);
        assertThat(Mailbox.messagesTo(reader)).hasSize(1);
    }

    @Test
    void aStatementWithdrawnAfterPublicationStopsItsReleasesThatHaveNotGoneOut() {
        UUID statementId = fixtures.publishedStatement("Soon withdrawn", "A text the coalition takes back.", "en");
        String early = Mailbox.uniqueAddress("sent-before");
        String sentListId = fixtures.list(List.of(new Fixtures.Person("Sent Before", early, "en", false)));
        String sentRelease = fixtures.release(statementId, sentListId);
        fixtures.awaitSent(sentRelease, 1);
        String waiting = Mailbox.uniqueAddress("waiting");
        String waitingListId = fixtures.list(List.of(new Fixtures.Person("Waiting Desk", waiting, "en", false)));
        Instant embargo = clock.instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        var scheduled = http.postJson(
                "/api/releases",
                Map.of("statementId", statementId, "contactListId", waitingListId, "embargoUntil", embargo.toString()));
        assertThat(scheduled.status()).isEqualTo(201);
        String scheduledId = scheduled.json().get("id").asString();

        Envelope<StatementWithdrawn> withdrawal = Envelope.of(
                EventTypes.STATEMENT_WITHDRAWN,
                "/statements",
                statementId,
                Instant.now(),
                new StatementWithdrawn(statementId, "a signatory's safety is at risk"));
        TopicReader.send(Topics.STATEMENTS, statementId.toString(), withdrawal);
        TopicReader.send(Topics.STATEMENTS, statementId.toString(), withdrawal);

        var stopped = Eventually.await(Fixtures.TIMEOUT, () -> {
            var progress = http.get("/api/releases/" + scheduledId).json();
            assertThat(progress.get("state").asString()).isEqualTo("CANCELLED");
            return progress;
        });
        assertThat(stopped.get("stoppedReason").asString())
                .isEqualTo("The statement was withdrawn: a signatory's safety is at risk");
        assertThat(stopped.hasNonNull("stoppedAt")).isTrue();
        assertThat(stopped.at("/deliveries/cancelled").asInt()).isEqualTo(1);
        assertThat(releases.fireOrHold(UUID.fromString(scheduledId), embargo.plusSeconds(30)))
                .isEqualTo(Releases.EmbargoStep.WAIT);
        assertThat(http.get("/api/releases/" + scheduledId)
                        .json()
                        .get("stoppedReason")
                        .asString())
                .isEqualTo("The statement was withdrawn: a signatory's safety is at risk");

        var sent = http.get("/api/releases/" + sentRelease).json();
        assertThat(sent.get("state").asString()).isIn("SENDING", "SENT");
        assertThat(sent.hasNonNull("stoppedAt")).isFalse();

        // a publication read again later (a redelivery, a replay) does not bring the statement back
        Fixtures.send(
                EventTypes.STATEMENT_PUBLISHED, statementId, new StatementPublished(statementId, 1, Fixtures.HASH));
        Fixtures.send(
                EventTypes.SCHEDULE_SET, statementId, new ScheduleSet(statementId, null, null, null, "Europe/Zurich"));
        Eventually.await(
                Fixtures.TIMEOUT,
                () -> assertThat(jdbc.sql("select count(*) from statement_schedule where statement_id = ?")
                                .param(statementId)
                                .query(Integer.class)
                                .single())
                        .isEqualTo(1));
        fixtures.awaitStatus(statementId, "WITHDRAWN");
        var again = http.postJson("/api/releases", Map.of("statementId", statementId, "contactListId", waitingListId));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("was withdrawn; it can no longer be released");
        assertThat(releasesOf(statementId)).isEqualTo(2);
        assertThat(Mailbox.messagesTo(waiting)).isEmpty();
        assertThat(Mailbox.messagesTo(early)).hasSize(1);
    }

    private int releasesOf(UUID statementId) {
        return jdbc.sql("select count(*) from release where statement_id = ?")
                .param(statementId)
                .query(Integer.class)
                .single();
    }
}
