package org.chorus.tracking.milestones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chorus.tracking.TrackingEvents.PATIENCE;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.chorus.events.DeadlineApproaching;
import org.chorus.events.DeadlinePassed;
import org.chorus.events.Envelope;
import org.chorus.events.EventTypes;
import org.chorus.events.InvitationCreated;
import org.chorus.events.InvitationSent;
import org.chorus.events.ReminderTriggered;
import org.chorus.events.SignatoryKind;
import org.chorus.events.TargetReached;
import org.chorus.events.Topics;
import org.chorus.events.Visibility;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.TopicReader;
import org.chorus.tracking.TrackingEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Milestones and reminders as published on chorus.tracking. The target is reached in real time through the
 * scheduled evaluator; deadlines and reminders are driven by calling the evaluator with chosen moments.
 */
@ChorusServiceTest
class MilestonesAndRemindersTest {

    @LocalServerPort
    int port;

    @Autowired
    Evaluator evaluator;

    Http http;
    UUID statement = UUID.randomUUID();

    @BeforeEach
    void client() {
        http = new Http("http://localhost:" + port);
    }

    @Test
    void reachingTheTargetIsAnnouncedOnceByTheScheduledEvaluator() {
        TrackingEvents.schedule(statement, null, 2);
        TrackingEvents.confirm(statement, SignatoryKind.ORGANISATION, "GB");
        TrackingEvents.confirm(statement, SignatoryKind.INDIVIDUAL, "ZA");

        List<Envelope<?>> reached = TopicReader.awaitEvents(
                Topics.TRACKING, EventTypes.TARGET_REACHED.name(), statement, PATIENCE.plusSeconds(10));
        assertThat(reached).hasSize(1);
        assertThat(reached.get(0).data()).isEqualTo(new TargetReached(statement, 2, 2));

        TrackingEvents.confirm(statement, SignatoryKind.INDIVIDUAL, "ZA");
        Eventually.await(
                PATIENCE,
                () -> assertThat(http.get("/api/statements/" + statement + "/counts")
                                .json()
                                .get("confirmed")
                                .asLong())
                        .isEqualTo(3));
        assertThat(evaluator.evaluate(statement, Instant.now())).isZero();
    }

    @Test
    void theDeadlineIsAnnouncedAt48HoursAt6HoursAndWhenItPasses() {
        Instant deadline = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
        TrackingEvents.schedule(statement, deadline, null);
        TrackingEvents.confirm(statement, SignatoryKind.ORGANISATION, "FR");
        Eventually.await(PATIENCE, () -> {
            var counts = http.get("/api/statements/" + statement + "/counts").json();
            assertThat(counts.get("confirmed").asLong()).isEqualTo(1);
            assertThat(counts.at("/schedule/deadline").asString()).isEqualTo(deadline.toString());
        });

        assertThat(evaluator.evaluate(statement, deadline.minus(Duration.ofHours(49))))
                .isZero();
        assertThat(evaluator.evaluate(statement, deadline.minus(Duration.ofHours(47))))
                .isEqualTo(1);
        assertThat(evaluator.evaluate(statement, deadline.minus(Duration.ofHours(46))))
                .isZero();
        assertThat(evaluator.evaluate(statement, deadline.minus(Duration.ofHours(5))))
                .isEqualTo(1);
        assertThat(evaluator.evaluate(statement, deadline)).isEqualTo(1);
        assertThat(evaluator.evaluate(statement, deadline.plus(Duration.ofDays(2))))
                .isZero();

        List<DeadlineApproaching> warnings = Eventually.await(PATIENCE, () -> {
            var events = data(DeadlineApproaching.class, EventTypes.DEADLINE_APPROACHING.name());
            assertThat(events).hasSize(2);
            return events;
        });
        assertThat(warnings).extracting(DeadlineApproaching::hoursBefore).containsExactlyInAnyOrder(48, 6);
        assertThat(warnings).allSatisfy(warning -> {
            assertThat(warning.deadline()).isEqualTo(deadline);
            assertThat(warning.confirmed()).isEqualTo(1);
        });
        assertThat(data(DeadlinePassed.class, EventTypes.DEADLINE_PASSED.name()))
                .containsExactly(new DeadlinePassed(statement, deadline, 1));
    }

    @Test
    void inviteesWhoHaveNotAnsweredAreRemindedTwiceInTheirLanguageAndNobodyElse() {
        Instant now = Instant.now();
        TrackingEvents.schedule(statement, now.plus(Duration.ofDays(30)), null);
        UUID silent = TrackingEvents.invite(statement, 1, "Arab Network for Human Rights", "EG", "ar");
        UUID signs = TrackingEvents.invite(statement, 1, "FIDH", "FR", "fr");
        UUID declines = TrackingEvents.invite(statement, 1, "PEN America", "US", "en");
        UUID bounces = TrackingEvents.invite(statement, 2, "Old Address Org", "DE", "de");
        TrackingEvents.invitationSent(statement, silent);
        TrackingEvents.invitationSent(statement, signs);
        TrackingEvents.invitationSent(statement, declines);
        TrackingEvents.mailBounced(statement, TrackingEvents.invitationSent(statement, bounces));
        TrackingEvents.confirm(statement, SignatoryKind.ORGANISATION, "FR", Visibility.PUBLIC, signs, 1, now);
        TrackingEvents.declined(statement, declines);
        Eventually.await(PATIENCE, () -> {
            var total = http.get("/api/statements/" + statement + "/pipeline")
                    .json()
                    .get("total");
            assertThat(total.get("signed").asLong()).isEqualTo(1);
            assertThat(total.get("declined").asLong()).isEqualTo(1);
            assertThat(total.get("bounced").asLong()).isEqualTo(1);
        });

        Instant firstDue = now.plus(Duration.ofHours(73));
        assertThat(evaluator.evaluate(statement, now.plus(Duration.ofHours(70))))
                .isZero();
        assertThat(evaluator.evaluate(statement, firstDue)).isEqualTo(1);
        assertThat(evaluator.evaluate(statement, firstDue)).isZero();
        assertThat(evaluator.evaluate(statement, firstDue.plus(Duration.ofHours(71))))
                .isZero();
        assertThat(evaluator.evaluate(statement, firstDue.plus(Duration.ofHours(72))))
                .isEqualTo(1);
        assertThat(evaluator.evaluate(statement, firstDue.plus(Duration.ofDays(20))))
                .isZero();

        List<ReminderTriggered> reminders = Eventually.await(PATIENCE, () -> {
            var events = data(ReminderTriggered.class, EventTypes.REMINDER_TRIGGERED.name());
            assertThat(events).hasSize(2);
            return events;
        });
        assertThat(reminders).allSatisfy(reminder -> {
            assertThat(reminder.invitationId()).isEqualTo(silent);
            assertThat(reminder.language()).isEqualTo("ar");
            assertThat(reminder.statementId()).isEqualTo(statement);
        });
        assertThat(reminders.stream()
                        .sorted(Comparator.comparingInt(ReminderTriggered::number))
                        .map(ReminderTriggered::number))
                .containsExactly(1, 2);
    }

    @Test
    void aCoordinatorRemindsEveryInviteeWithoutAnAnswerNowAndTheScheduleGoesOnFromThatReminder() {
        Instant now = Instant.now();
        TrackingEvents.schedule(statement, now.plus(Duration.ofDays(30)), null);
        UUID silent = TrackingEvents.invite(statement, 1, "Arab Network for Human Rights", "EG", "ar");
        UUID signs = TrackingEvents.invite(statement, 1, "FIDH", "FR", "fr");
        TrackingEvents.invitationSent(statement, silent);
        TrackingEvents.invitationSent(statement, signs);
        TrackingEvents.confirm(statement, SignatoryKind.ORGANISATION, "FR", Visibility.PUBLIC, signs, 1, now);
        awaitPipeline(total -> assertThat(total.get("signed").asLong()).isEqualTo(1));

        assertThat(http.postJson("/api/statements/" + statement + "/reminders", "")
                        .json()
                        .get("reminded")
                        .asInt())
                .as("invited less than an hour ago: nobody is reminded yet")
                .isZero();
        Instant later = now.plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MICROS);
        assertThat(evaluator.remindNow(statement, later)).isEqualTo(1);
        assertThat(evaluator.remindNow(statement, later.plus(Duration.ofMinutes(5))))
                .as("pressed twice: nothing is sent twice")
                .isZero();

        List<ReminderTriggered> sent = reminders(1);
        assertThat(sent.get(0).invitationId()).isEqualTo(silent);
        assertThat(sent.get(0).language()).isEqualTo("ar");
        assertThat(sent.get(0).number()).isEqualTo(1);
        JsonNode plan = http.get("/api/statements/" + statement + "/reminders").json();
        assertThat(plan.get("maximum").asInt()).isEqualTo(2);
        assertThat(plan.get("invitees").size())
                .as("only the invitee without an answer")
                .isEqualTo(1);
        JsonNode line = plan.get("invitees").get(0);
        assertThat(line.get("organisation").asString()).isEqualTo("Arab Network for Human Rights");
        assertThat(line.get("reminded").asInt()).isEqualTo(1);
        assertThat(Instant.parse(line.get("next").asString()))
                .as("the scheduled reminder follows the interval after the one sent now")
                .isEqualTo(later.plus(Duration.ofHours(72)));
    }

    @Test
    void inviteesWhoseInvitationOrReminderBouncedGetNoFurtherReminder() {
        Instant now = Instant.now();
        TrackingEvents.schedule(statement, now.plus(Duration.ofDays(30)), null);
        // the bounce of the invitation mail is reported before tracking learns which invitation it carried
        UUID unreachable = UUID.randomUUID();
        UUID unreachableRequest = UUID.randomUUID();
        TrackingEvents.mailBounced(statement, unreachableRequest);
        TrackingEvents.send(
                EventTypes.INVITATION_CREATED,
                statement,
                new InvitationCreated(unreachable, statement, 1, "Moved Away Collective", "KE", "sw"));
        TrackingEvents.send(
                EventTypes.INVITATION_SENT, statement, new InvitationSent(unreachable, statement, unreachableRequest));
        UUID reminderFails = TrackingEvents.invite(statement, 1, "Closed Mailbox Trust", "IN", "en");
        UUID mailboxFull = TrackingEvents.invite(statement, 1, "Busy Network", "BR", "es");
        TrackingEvents.invitationSent(statement, reminderFails);
        TrackingEvents.invitationSent(statement, mailboxFull);
        awaitPipeline(total -> {
            assertThat(total.get("invited").asLong()).isEqualTo(3);
            assertThat(total.get("sent").asLong()).isEqualTo(3);
            assertThat(total.get("bounced").asLong()).isEqualTo(1);
        });

        Instant firstDue = now.plus(Duration.ofHours(73));
        assertThat(evaluator.evaluate(statement, firstDue)).isEqualTo(2);
        List<ReminderTriggered> first = reminders(2);
        assertThat(first)
                .extracting(ReminderTriggered::invitationId)
                .containsExactlyInAnyOrder(reminderFails, mailboxFull);
        // the first reminder to one fails for good, the other's mailbox is only full for now
        TrackingEvents.mailFailedPermanently(statement, reminderFor(first, reminderFails));
        TrackingEvents.reminderBounced(statement, reminderFor(first, mailboxFull), false);
        awaitPipeline(total -> assertThat(total.get("bounced").asLong()).isEqualTo(2));

        assertThat(evaluator.evaluate(statement, firstDue.plus(Duration.ofHours(73))))
                .isEqualTo(1);
        List<ReminderTriggered> all = reminders(3);
        assertThat(all)
                .filteredOn(reminder -> reminder.number() == 2)
                .extracting(ReminderTriggered::invitationId)
                .containsExactly(mailboxFull);
        assertThat(all).extracting(ReminderTriggered::invitationId).doesNotContain(unreachable);
    }

    @Test
    void inviteesWhoUnsubscribedGetNoReminderAndShowAsUnsubscribed() {
        Instant now = Instant.now();
        TrackingEvents.schedule(statement, now.plus(Duration.ofDays(30)), null);
        UUID fromInvitation = TrackingEvents.invite(statement, 1, "Quiet Please Foundation", "CH", "fr");
        UUID fromReminder = TrackingEvents.invite(statement, 2, "Later Maybe Alliance", "CL", "es");
        UUID invitationRequest = TrackingEvents.invitationSent(statement, fromInvitation);
        TrackingEvents.mailDelivered(statement, invitationRequest);
        TrackingEvents.unsubscribed(statement, invitationRequest, "invitation");
        TrackingEvents.mailDelivered(statement, TrackingEvents.invitationSent(statement, fromReminder));
        awaitPipeline(total -> {
            assertThat(total.get("invited").asLong()).isEqualTo(2);
            assertThat(total.get("delivered").asLong()).isEqualTo(2);
            assertThat(total.get("unsubscribed").asLong()).isEqualTo(1);
        });

        Instant firstDue = now.plus(Duration.ofHours(73));
        assertThat(evaluator.evaluate(statement, firstDue)).isEqualTo(1);
        List<ReminderTriggered> first = reminders(1);
        assertThat(first).extracting(ReminderTriggered::invitationId).containsExactly(fromReminder);
        TrackingEvents.unsubscribed(statement, first.get(0).reminderId(), "invitation-reminder");
        var total = awaitPipeline(
                counts -> assertThat(counts.get("unsubscribed").asLong()).isEqualTo(2));
        assertThat(total.get("noAnswer").asLong()).isZero();
        assertThat(evaluator.evaluate(statement, firstDue.plus(Duration.ofHours(73))))
                .isZero();

        var pipeline = http.get("/api/statements/" + statement + "/pipeline").json();
        assertThat(pipeline.get("invitees"))
                .allSatisfy(
                        invitee -> assertThat(invitee.get("stage").asString()).isEqualTo("UNSUBSCRIBED"));
        assertThat(pipeline.at("/byWave/2/unsubscribed").asLong()).isEqualTo(1);
        assertThat(http.get("/console/statements/" + statement).body()).contains("id=\"unsubscribed\">2<");
    }

    private JsonNode awaitPipeline(Consumer<JsonNode> assertion) {
        return Eventually.await(PATIENCE, () -> {
            JsonNode total = http.get("/api/statements/" + statement + "/pipeline")
                    .json()
                    .get("total");
            assertion.accept(total);
            return total;
        });
    }

    private List<ReminderTriggered> reminders(int expected) {
        return Eventually.await(PATIENCE, () -> {
            var events = data(ReminderTriggered.class, EventTypes.REMINDER_TRIGGERED.name());
            assertThat(events).hasSize(expected);
            return events;
        });
    }

    private static UUID reminderFor(List<ReminderTriggered> reminders, UUID invitation) {
        return reminders.stream()
                .filter(reminder -> reminder.invitationId().equals(invitation))
                .findFirst()
                .orElseThrow()
                .reminderId();
    }

    private <T> List<T> data(Class<T> type, String typeName) {
        return TopicReader.awaitEvents(Topics.TRACKING, typeName, statement, PATIENCE).stream()
                .map(Envelope::data)
                .map(type::cast)
                .toList();
    }
}
