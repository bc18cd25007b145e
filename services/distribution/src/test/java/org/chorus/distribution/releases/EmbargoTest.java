package org.chorus.distribution.releases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.chorus.distribution.Fixtures;
import org.chorus.events.EmbargoHeld;
import org.chorus.events.Envelope;
import org.chorus.events.EventTypes;
import org.chorus.events.ScheduleSet;
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
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

@ChorusServiceTest
class EmbargoTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Releases releases;

    @Autowired
    Clock clock;

    @Autowired
    ApplicationContext context;

    Http http;
    Fixtures fixtures;

    @BeforeEach
    void client() {
        http = new Http("http://localhost:" + port);
        fixtures = new Fixtures(http, jdbc);
    }

    @Test
    void accreditedJournalistsGetTheTextEarlyMarkedEmbargoedAndEveryoneElseAtTheEmbargoTime() {
        UUID statementId = fixtures.publishedStatement("Free the defenders", "We urge their release.", "en");
        fixtures.translate(statementId, "fr", "Libérez les défenseurs", "Nous demandons leur libération.");
        inSwissTime(statementId);
        String accredited = Mailbox.uniqueAddress("accredited");
        String everyone = Mailbox.uniqueAddress("everyone");
        String listId = fixtures.list(List.of(
                new Fixtures.Person("Accredited Correspondent", accredited, "fr", true),
                new Fixtures.Person("Newsdesk", everyone, "en", false)));
        Instant embargo = clock.instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);

        String releaseId = release(statementId, listId, embargo);

        var early = Eventually.await(Fixtures.TIMEOUT, () -> {
            assertThat(Mailbox.messagesTo(accredited)).hasSize(1);
            return Mailbox.messagesTo(accredited).get(0);
        });
        String mark = "SOUS EMBARGO JUSQU’AU "
                + DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG)
                        .withLocale(Locale.FRENCH)
                        .withZone(ZoneId.of("Europe/Zurich"))
                        .format(embargo);
        assertThat(Mailbox.subject(early)).isEqualTo("[" + mark + "] Libérez les défenseurs");
        assertThat(Mailbox.body(early)).startsWith(mark + "\n\nLibérez les défenseurs\n\nNous demandons");
        var progress = http.get("/api/releases/" + releaseId).json();
        assertThat(progress.get("state").asString()).isEqualTo("SCHEDULED");
        assertThat(progress.at("/deliveries/waiting").asInt()).isEqualTo(1);
        assertThat(Mailbox.messagesTo(everyone)).isEmpty();

        assertThat(releases.fireOrHold(UUID.fromString(releaseId), embargo.plus(Duration.ofMinutes(1))))
                .isEqualTo(Releases.EmbargoStep.FIRE);

        fixtures.awaitSent(releaseId, 2);
        assertThat(Mailbox.subject(Mailbox.messagesTo(everyone).get(0))).isEqualTo("Free the defenders");
        assertThat(Mailbox.body(Mailbox.messagesTo(everyone).get(0))).doesNotContain("EMBARGO");
        assertThat(Mailbox.messagesTo(accredited)).hasSize(1);
    }

    @Test
    void anEmbargoReachedWhileTheServiceWasDownWaitsForACoordinatorInsteadOfFiringLate() {
        UUID statementId = fixtures.publishedStatement("Free the defenders", "We urge their release.", "en");
        String reader = Mailbox.uniqueAddress("reader");
        String listId = fixtures.list(List.of(new Fixtures.Person("Reader", reader, "en", false)));
        Instant embargo = clock.instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        String releaseId = release(statementId, listId, embargo);

        Instant backUp = embargo.plus(Duration.ofMinutes(30));
        assertThat(releases.fireOrHold(UUID.fromString(releaseId), backUp)).isEqualTo(Releases.EmbargoStep.HOLD);

        assertThat(http.get("/api/releases/" + releaseId).json().get("state").asString())
                .isEqualTo("HELD");
        var held = TopicReader.awaitEvents(
                Topics.DISTRIBUTION, EventTypes.EMBARGO_HELD.name(), statementId, Fixtures.TIMEOUT);
        assertThat(held).hasSize(1);
        assertThat(((EmbargoHeld) held.get(0).data()).embargoUntil()).isEqualTo(embargo);
        assertThat(((EmbargoHeld) held.get(0).data()).releaseId().toString()).isEqualTo(releaseId);
        assertThat(Mailbox.messagesTo(reader)).isEmpty();

        var bad = http.postJson("/api/releases/" + releaseId + "/decision", Map.of("decision", "maybe"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");

        var decided = http.postJson(
                "/api/releases/" + releaseId + "/decision", Map.of("decision", "send", "decidedBy", "Ana Coordinator"));
        assertThat(decided.status()).isEqualTo(200);
        assertThat(decided.json().get("decision").asString()).isEqualTo("SEND");
        assertThat(decided.json().get("decidedBy").asString()).isEqualTo("Ana Coordinator");
        fixtures.awaitSent(releaseId, 1);
        assertThat(Mailbox.messagesTo(reader)).hasSize(1);

        var twice = http.postJson(
                "/api/releases/" + releaseId + "/decision", Map.of("decision", "cancel", "decidedBy", "Someone Else"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(http.get("/api/releases/" + releaseId)
                        .json()
                        .get("decidedBy")
                        .asString())
                .isEqualTo("Ana Coordinator");
    }

    @Test
    void aHeldReleaseTheCoordinatorCancelsIsNeverSent() {
        UUID statementId = fixtures.publishedStatement("Free the defenders", "We urge their release.", "en");
        String reader = Mailbox.uniqueAddress("never");
        String listId = fixtures.list(List.of(new Fixtures.Person("Never", reader, "en", false)));
        Instant embargo = clock.instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        String releaseId = release(statementId, listId, embargo);
        releases.fireOrHold(UUID.fromString(releaseId), embargo.plus(Duration.ofHours(2)));

        var cancelled = http.postJson(
                "/api/releases/" + releaseId + "/decision",
                Map.of("decision", "cancel", "decidedBy", "Ana Coordinator"));

        assertThat(cancelled.json().get("state").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().at("/deliveries/cancelled").asInt()).isEqualTo(1);
        assertThat(Mailbox.messagesTo(reader)).isEmpty();
    }

    @Test
    void theEmbargoClockReleasesTheMailWhenTheTimeComes() {
        UUID statementId = fixtures.publishedStatement("Free the defenders", "We urge their release.", "en");
        String reader = Mailbox.uniqueAddress("on-time");
        String listId = fixtures.list(List.of(new Fixtures.Person("On Time", reader, "en", false)));

        String releaseId = release(statementId, listId, clock.instant().plusSeconds(2));

        fixtures.awaitSent(releaseId, 1);
        assertThat(Mailbox.messagesTo(reader)).hasSize(1);
    }

    @Test
    void aReleaseWithoutItsOwnEmbargoFollowsTheStatementsEmbargoWhileACoordinatorsOwnEmbargoIsKept() {
        UUID statementId = fixtures.publishedStatement("Free the defenders", "We urge their release.", "en");
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        schedule(statementId, now.plus(Duration.ofHours(1)));
        String accredited = Mailbox.uniqueAddress("accredited-follower");
        String everyone = Mailbox.uniqueAddress("everyone-follower");
        String listId = fixtures.list(List.of(
                new Fixtures.Person("Accredited Correspondent", accredited, "en", true),
                new Fixtures.Person("Newsdesk", everyone, "en", false)));
        String ownReader = Mailbox.uniqueAddress("own-embargo");
        String ownListId = fixtures.list(List.of(new Fixtures.Person("Own Embargo Desk", ownReader, "en", false)));
        Instant ownEmbargo = now.plus(Duration.ofHours(3));
        Instant moved = now.plus(Duration.ofHours(2));

        SmartLifecycle sender = context.getBean("sender", SmartLifecycle.class);
        sender.stop();
        String following;
        String own;
        try {
            following = fixtures.release(statementId, listId);
            var progress = http.get("/api/releases/" + following).json();
            assertThat(progress.get("state").asString()).isEqualTo("SCHEDULED");
            assertThat(Instant.parse(progress.get("embargoUntil").asString())).isEqualTo(now.plus(Duration.ofHours(1)));
            assertThat(progress.get("embargoOverride").asBoolean()).isFalse();
            own = release(statementId, ownListId, ownEmbargo);

            schedule(statementId, moved);
            Eventually.await(
                    Fixtures.TIMEOUT,
                    () -> assertThat(Instant.parse(http.get("/api/releases/" + following)
                                    .json()
                                    .get("embargoUntil")
                                    .asString()))
                            .isEqualTo(moved));
        } finally {
            sender.start();
        }

        var early = Eventually.await(Fixtures.TIMEOUT, () -> {
            assertThat(Mailbox.messagesTo(accredited)).hasSize(1);
            return Mailbox.messagesTo(accredited).get(0);
        });
        String mark = "EMBARGOED UNTIL "
                + DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG)
                        .withLocale(Locale.ENGLISH)
                        .withZone(ZoneId.of("Europe/Zurich"))
                        .format(moved);
        assertThat(Mailbox.subject(early)).isEqualTo("[" + mark + "] Free the defenders");
        assertThat(Mailbox.body(early)).startsWith(mark + "\n\nFree the defenders\n\n");
        var kept = http.get("/api/releases/" + own).json();
        assertThat(Instant.parse(kept.get("embargoUntil").asString())).isEqualTo(ownEmbargo);
        assertThat(kept.get("embargoOverride").asBoolean()).isTrue();
        assertThat(Instant.parse(kept.get("statementEmbargoUntil").asString())).isEqualTo(moved);
        assertThat(releases.fireOrHold(UUID.fromString(following), now.plus(Duration.ofMinutes(61))))
                .isEqualTo(Releases.EmbargoStep.WAIT);
        assertThat(Mailbox.messagesTo(everyone)).isEmpty();

        schedule(statementId, null);

        fixtures.awaitSent(following, 2);
        assertThat(Mailbox.body(Mailbox.messagesTo(everyone).get(0))).doesNotContain("EMBARGO");
        assertThat(http.get("/api/releases/" + own).json().get("state").asString())
                .isEqualTo("SCHEDULED");
        assertThat(Mailbox.messagesTo(ownReader)).isEmpty();
        assertThat(http.get("/api/releases/" + own)
                        .json()
                        .get("embargoOverride")
                        .asBoolean())
                .as("its own embargo overrides the statement's")
                .isTrue();
    }

    @Test
    void anEmbargoInThePastIsRefusedAndNothingIsStored() {
        UUID statementId = fixtures.publishedStatement("Free the defenders", "We urge their release.", "en");
        String listId = fixtures.list(List.of(new Fixtures.Person("P", Mailbox.uniqueAddress("past"), "en", false)));

        var past = http.postJson(
                "/api/releases",
                Map.of(
                        "statementId",
                        statementId,
                        "contactListId",
                        listId,
                        "embargoUntil",
                        clock.instant().minusSeconds(60).toString()));

        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().get("detail").asString()).contains("already passed");
        assertThat(jdbc.sql("select count(*) from release where statement_id = ?")
                        .param(statementId)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    private String release(UUID statementId, String listId, Instant embargo) {
        var released = http.postJson(
                "/api/releases",
                Map.of("statementId", statementId, "contactListId", listId, "embargoUntil", embargo.toString()));
        assertThat(released.status()).isEqualTo(201);
        return released.json().get("id").asString();
    }

    private void schedule(UUID statementId, Instant embargo) {
        TopicReader.send(
                Topics.STATEMENTS,
                statementId.toString(),
                Envelope.of(
                        EventTypes.SCHEDULE_SET,
                        "/statements",
                        statementId,
                        Instant.now(),
                        new ScheduleSet(statementId, null, null, embargo, "Europe/Zurich")));
        Eventually.await(
                Fixtures.TIMEOUT,
                () -> assertThat(jdbc.sql("select embargo_until from statement_schedule where statement_id = ?")
                                .param(statementId)
                                .query((rs, row) -> java.util.Optional.ofNullable(rs.getTimestamp(1))
                                        .map(java.sql.Timestamp::toInstant))
                                .list())
                        .containsExactly(java.util.Optional.ofNullable(embargo)));
    }

    private void inSwissTime(UUID statementId) {
        TopicReader.send(
                Topics.STATEMENTS,
                statementId.toString(),
                Envelope.of(
                        EventTypes.SCHEDULE_SET,
                        "/statements",
                        statementId,
                        Instant.now(),
                        new ScheduleSet(statementId, null, null, null, "Europe/Zurich")));
        Eventually.await(
                Fixtures.TIMEOUT,
                () -> assertThat(jdbc.sql("select count(*) from statement_schedule where statement_id = ?")
                                .param(statementId)
                                .query(Integer.class)
                                .single())
                        .isEqualTo(1));
    }
}
