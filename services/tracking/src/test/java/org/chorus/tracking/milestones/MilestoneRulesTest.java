package org.chorus.tracking.milestones;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.chorus.tracking.milestones.MilestoneRules.Decision;
import org.chorus.tracking.milestones.MilestoneRules.Key;
import org.chorus.tracking.milestones.MilestoneRules.Kind;
import org.chorus.tracking.milestones.MilestoneRules.State;
import org.junit.jupiter.api.Test;

/** Milestone rules as a coordinator would state them, at chosen moments. */
class MilestoneRulesTest {
    static final Instant DEADLINE = Instant.parse("2025-02-11T12:00:00Z");
    static final List<Integer> WARNINGS = List.of(48, 6);

    @Test
    void nothingIsDueFarFromTheDeadlineAndBelowTheTarget() {
        var state = new State(DEADLINE, 30, 29, Set.of());
        assertThat(MilestoneRules.due(state, DEADLINE.minus(Duration.ofDays(5)), WARNINGS))
                .isEmpty();
    }

    @Test
    void theTargetIsReachedOnce() {
        var reached = new Key(Kind.TARGET_REACHED, 30);
        assertThat(MilestoneRules.due(new State(null, 30, 30, Set.of()), DEADLINE, WARNINGS))
                .containsExactly(new Decision(reached, true));
        assertThat(MilestoneRules.due(new State(null, 30, 34, Set.of(reached)), DEADLINE, WARNINGS))
                .isEmpty();
    }

    @Test
    void aRaisedTargetIsReachedAgain() {
        var state = new State(null, 50, 50, Set.of(new Key(Kind.TARGET_REACHED, 30)));
        assertThat(MilestoneRules.due(state, DEADLINE, WARNINGS))
                .containsExactly(new Decision(new Key(Kind.TARGET_REACHED, 50), true));
    }

    @Test
    void theDeadlineApproachesFirstAt48HoursThenAt6() {
        var at48 = new Key(Kind.DEADLINE_APPROACHING, 48);
        var at6 = new Key(Kind.DEADLINE_APPROACHING, 6);
        assertThat(MilestoneRules.due(
                        new State(DEADLINE, null, 3, Set.of()), DEADLINE.minus(Duration.ofHours(47)), WARNINGS))
                .containsExactly(new Decision(at48, true));
        assertThat(MilestoneRules.due(
                        new State(DEADLINE, null, 3, Set.of(at48)), DEADLINE.minus(Duration.ofHours(7)), WARNINGS))
                .isEmpty();
        assertThat(MilestoneRules.due(
                        new State(DEADLINE, null, 3, Set.of(at48)), DEADLINE.minus(Duration.ofHours(6)), WARNINGS))
                .containsExactly(new Decision(at6, true));
        assertThat(MilestoneRules.due(
                        new State(DEADLINE, null, 3, Set.of(at48, at6)), DEADLINE.minusSeconds(1), WARNINGS))
                .isEmpty();
    }

    @Test
    void aDeadlineSetCloseWarnsOnlyOnceWithTheTightestWarning() {
        assertThat(MilestoneRules.due(
                        new State(DEADLINE, null, 0, Set.of()), DEADLINE.minus(Duration.ofHours(5)), WARNINGS))
                .containsExactlyInAnyOrder(
                        new Decision(new Key(Kind.DEADLINE_APPROACHING, 48), false),
                        new Decision(new Key(Kind.DEADLINE_APPROACHING, 6), true));
    }

    @Test
    void theDeadlinePassesOnceAndOvertakesWarningsNotYetGiven() {
        var passed = new Key(Kind.DEADLINE_PASSED, 0);
        var at48 = new Key(Kind.DEADLINE_APPROACHING, 48);
        assertThat(MilestoneRules.due(new State(DEADLINE, null, 12, Set.of(at48)), DEADLINE, WARNINGS))
                .containsExactlyInAnyOrder(
                        new Decision(new Key(Kind.DEADLINE_APPROACHING, 6), false), new Decision(passed, true));
        assertThat(MilestoneRules.due(
                        new State(DEADLINE, null, 12, Set.of(at48, new Key(Kind.DEADLINE_APPROACHING, 6), passed)),
                        DEADLINE.plus(Duration.ofDays(3)),
                        WARNINGS))
                .isEmpty();
    }
}
