package org.chorus.tracking.milestones;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Which milestones are due for one statement at {@code now}: a pure function, so tests drive time directly. */
final class MilestoneRules {

    enum Kind {
        TARGET_REACHED,
        DEADLINE_APPROACHING,
        DEADLINE_PASSED
    }

    /** A milestone, once per statement: detail is the target, the hours before the deadline, or 0. */
    record Key(Kind kind, int detail) {}

    /** What tracking knows about one statement: deadline and target may be null (not set). */
    record State(Instant deadline, Integer target, long confirmed, Set<Key> decided) {}

    /**
     * A milestone to record as decided; {@code publish} false for warnings overtaken by a tighter one (a deadline
     * set five hours ahead warns once, at 6 h, not also at 48 h) or by the deadline itself.
     */
    record Decision(Key key, boolean publish) {}

    static List<Decision> due(State state, Instant now, List<Integer> warningHours) {
        List<Decision> due = new ArrayList<>();
        if (state.target() != null && state.target() > 0 && state.confirmed() >= state.target()) {
            Key reached = new Key(Kind.TARGET_REACHED, state.target());
            if (!state.decided().contains(reached)) {
                due.add(new Decision(reached, true));
            }
        }
        if (state.deadline() == null) {
            return due;
        }
        boolean passed = !now.isBefore(state.deadline());
        Integer tightest = null;
        for (int hours : warningHours) {
            if (!passed && !now.isBefore(state.deadline().minus(Duration.ofHours(hours)))) {
                tightest = tightest == null ? hours : Math.min(tightest, hours);
            }
        }
        for (int hours : warningHours) {
            Key warning = new Key(Kind.DEADLINE_APPROACHING, hours);
            boolean windowOpen = passed || !now.isBefore(state.deadline().minus(Duration.ofHours(hours)));
            if (windowOpen && !state.decided().contains(warning)) {
                due.add(new Decision(warning, tightest != null && tightest == hours));
            }
        }
        Key deadlinePassed = new Key(Kind.DEADLINE_PASSED, 0);
        if (passed && !state.decided().contains(deadlinePassed)) {
            due.add(new Decision(deadlinePassed, true));
        }
        return due;
    }

    private MilestoneRules() {}
}
