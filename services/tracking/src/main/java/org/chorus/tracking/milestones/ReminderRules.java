package org.chorus.tracking.milestones;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chorus.tracking.pipeline.Invitee;

/** Which invitees are due a reminder at {@code now}: a pure function, so tests drive time directly. */
final class ReminderRules {
    static final String DEFAULT_LANGUAGE = "en";

    /** At most {@code maximum} reminders per invitee, each at least {@code interval} after the invitation or the last one. */
    record Policy(int maximum, Duration interval) {}

    /** Reminders already triggered for one invitee. */
    record Reminded(int count, Instant last) {}

    record Due(UUID invitationId, int number, String language) {}

    /**
     * Never to an invitee who signed, declined, bounced or unsubscribed (through the invitation or a reminder), never at or after the deadline or once sign-on ended
     * ({@code ended}: the statement was closed or withdrawn), never before the invitation itself is known (its
     * language comes from it).
     */
    static List<Due> due(
            List<Invitee> invitees,
            Map<UUID, Reminded> reminded,
            Instant deadline,
            Instant ended,
            Instant now,
            Policy policy) {
        List<Due> due = new ArrayList<>();
        if ((deadline != null && !now.isBefore(deadline)) || (ended != null && !now.isBefore(ended))) {
            return due;
        }
        for (Invitee invitee : invitees) {
            // one who signed and withdrew answered: the pipeline shows them without an answer, but they are not chased
            if (invitee.createdAt() == null || invitee.settled() || invitee.everSignedAt() != null) {
                continue;
            }
            Reminded before = reminded.getOrDefault(invitee.invitationId(), new Reminded(0, null));
            if (before.count() >= policy.maximum()) {
                continue;
            }
            if (!now.isBefore(since(invitee, before).plus(policy.interval()))) {
                String language = invitee.language() == null ? DEFAULT_LANGUAGE : invitee.language();
                due.add(new Due(invitee.invitationId(), before.count() + 1, language));
            }
        }
        return due;
    }

    /**
     * Who a coordinator's "remind now" reaches: every invitee who has not answered (the same exclusions as
     * {@link #due}), whatever the schedule, but not one invited or reminded less than {@code gap} ago, so a second
     * press of the button sends nothing twice. Never at or after the deadline or once sign-on ended.
     */
    static List<Due> now(
            List<Invitee> invitees,
            Map<UUID, Reminded> reminded,
            Instant deadline,
            Instant ended,
            Instant now,
            Duration gap) {
        List<Due> due = new ArrayList<>();
        if ((deadline != null && !now.isBefore(deadline)) || (ended != null && !now.isBefore(ended))) {
            return due;
        }
        for (Invitee invitee : invitees) {
            if (invitee.createdAt() == null || invitee.settled() || invitee.everSignedAt() != null) {
                continue;
            }
            Reminded before = reminded.getOrDefault(invitee.invitationId(), new Reminded(0, null));
            if (!now.isBefore(since(invitee, before).plus(gap))) {
                String language = invitee.language() == null ? DEFAULT_LANGUAGE : invitee.language();
                due.add(new Due(invitee.invitationId(), before.count() + 1, language));
            }
        }
        return due;
    }

    /**
     * When the schedule reminds this invitee next, or null if it never will (answered, reminded {@code maximum}
     * times already, or the moment falls at or after the deadline or the end of sign-on).
     */
    static Instant next(Invitee invitee, Reminded before, Instant deadline, Instant ended, Policy policy) {
        if (invitee.createdAt() == null
                || invitee.settled()
                || invitee.everSignedAt() != null
                || before.count() >= policy.maximum()) {
            return null;
        }
        Instant next = since(invitee, before).plus(policy.interval());
        if ((deadline != null && !next.isBefore(deadline)) || (ended != null && !next.isBefore(ended))) {
            return null;
        }
        return next;
    }

    private static Instant since(Invitee invitee, Reminded before) {
        return before.last() != null
                ? before.last()
                : invitee.sentAt() != null ? invitee.sentAt() : invitee.createdAt();
    }

    private ReminderRules() {}
}
