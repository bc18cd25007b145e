package org.chorus.tracking.milestones;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chorus.tracking.milestones.ReminderRules.Due;
import org.chorus.tracking.milestones.ReminderRules.Policy;
import org.chorus.tracking.milestones.ReminderRules.Reminded;
import org.chorus.tracking.pipeline.Invitee;
import org.junit.jupiter.api.Test;

/** Reminder rules: who is reminded, when, how often, in which language. */
class ReminderRulesTest {
    static final Instant SENT = Instant.parse("2025-02-01T09:00:00Z");
    static final Instant DEADLINE = Instant.parse("2025-02-20T12:00:00Z");
    static final Policy POLICY = new Policy(2, Duration.ofHours(72));
    static final UUID STATEMENT = UUID.randomUUID();

    @Test
    void anInviteeWhoHasNotAnsweredIsRemindedAfterTheIntervalInTheirLanguage() {
        Invitee silent = invitee("ar", null, null, null);
        assertThat(ReminderRules.due(
                        List.of(silent), Map.of(), DEADLINE, null, SENT.plus(Duration.ofHours(71)), POLICY))
                .isEmpty();
        assertThat(ReminderRules.due(
                        List.of(silent), Map.of(), DEADLINE, null, SENT.plus(Duration.ofHours(72)), POLICY))
                .containsExactly(new Due(silent.invitationId(), 1, "ar"));
    }

    @Test
    void remindersAreSpacedAndCapped() {
        Invitee silent = invitee("fr", null, null, null);
        Instant firstReminder = SENT.plus(Duration.ofHours(72));
        var once = Map.of(silent.invitationId(), new Reminded(1, firstReminder));
        assertThat(ReminderRules.due(
                        List.of(silent), once, DEADLINE, null, firstReminder.plus(Duration.ofHours(71)), POLICY))
                .isEmpty();
        assertThat(ReminderRules.due(
                        List.of(silent), once, DEADLINE, null, firstReminder.plus(Duration.ofHours(72)), POLICY))
                .containsExactly(new Due(silent.invitationId(), 2, "fr"));
        var twice = Map.of(silent.invitationId(), new Reminded(2, firstReminder.plus(Duration.ofHours(72))));
        assertThat(ReminderRules.due(List.of(silent), twice, DEADLINE, null, DEADLINE.minusSeconds(1), POLICY))
                .isEmpty();
    }

    @Test
    void noReminderAfterSigningDecliningOrBouncing() {
        Instant later = SENT.plus(Duration.ofDays(4));
        List<Invitee> answered = List.of(
                invitee("en", SENT.plus(Duration.ofHours(1)), null, null),
                invitee("en", null, SENT.plus(Duration.ofHours(1)), null),
                invitee("en", null, null, SENT.plus(Duration.ofMinutes(1))));
        assertThat(ReminderRules.due(answered, Map.of(), DEADLINE, null, later, POLICY))
                .isEmpty();
    }

    @Test
    void noReminderAfterUnsubscribing() {
        Invitee silent = invitee("en", null, null, null);
        Invitee unsubscribed = new Invitee(
                silent.invitationId(),
                STATEMENT,
                1,
                "Organisation",
                "NL",
                "en",
                silent.createdAt(),
                SENT,
                silent.deliveredAt(),
                null,
                SENT.plus(Duration.ofHours(2)),
                null,
                null,
                null,
                null);
        assertThat(unsubscribed.stage()).isEqualTo(Invitee.Stage.UNSUBSCRIBED);
        assertThat(ReminderRules.due(
                        List.of(unsubscribed), Map.of(), DEADLINE, null, SENT.plus(Duration.ofDays(4)), POLICY))
                .isEmpty();
    }

    @Test
    void noReminderAtOrAfterTheDeadline() {
        Invitee silent = invitee("en", null, null, null);
        assertThat(ReminderRules.due(List.of(silent), Map.of(), DEADLINE, null, DEADLINE, POLICY))
                .isEmpty();
        assertThat(ReminderRules.due(List.of(silent), Map.of(), null, null, DEADLINE, POLICY))
                .hasSize(1);
    }

    @Test
    void noReminderOnceTheStatementWasClosedOrWithdrawn() {
        Invitee silent = invitee("es", null, null, null);
        Instant closed = SENT.plus(Duration.ofDays(2));
        assertThat(ReminderRules.due(
                        List.of(silent), Map.of(), DEADLINE, closed, SENT.plus(Duration.ofDays(4)), POLICY))
                .isEmpty();
    }

    @Test
    void anInviteeKnownOnlyFromLaterStepsWaitsForItsInvitation() {
        Invitee unknown = new Invitee(
                UUID.randomUUID(),
                STATEMENT,
                null,
                null,
                null,
                null,
                null,
                SENT,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        assertThat(ReminderRules.due(List.of(unknown), Map.of(), DEADLINE, null, SENT.plus(Duration.ofDays(5)), POLICY))
                .isEmpty();
    }

    @Test
    void anInviteeWhoSignedAndThenWithdrewIsNotReminded() {
        Invitee withdrew = withEverSigned(invitee("fr", null, null, null), SENT.plus(Duration.ofHours(1)));
        assertThat(withdrew.stage()).isNotEqualTo(Invitee.Stage.SIGNED);
        assertThat(ReminderRules.due(
                        List.of(withdrew), Map.of(), DEADLINE, null, SENT.plus(Duration.ofDays(10)), POLICY))
                .isEmpty();
    }

    private static Invitee withEverSigned(Invitee invitee, Instant signed) {
        return new Invitee(
                invitee.invitationId(),
                invitee.statementId(),
                invitee.wave(),
                invitee.organisation(),
                invitee.country(),
                invitee.language(),
                invitee.createdAt(),
                invitee.sentAt(),
                invitee.deliveredAt(),
                invitee.bouncedAt(),
                invitee.unsubscribedAt(),
                invitee.openedAt(),
                invitee.declinedAt(),
                null,
                signed);
    }

    private static Invitee invitee(String language, Instant signed, Instant declined, Instant bounced) {
        return new Invitee(
                UUID.randomUUID(),
                STATEMENT,
                1,
                "Organisation",
                "NL",
                language,
                SENT.minus(Duration.ofMinutes(5)),
                SENT,
                bounced == null ? SENT.plusSeconds(5) : null,
                bounced,
                null,
                null,
                declined,
                signed,
                signed);
    }
}
