package org.chorus.events;

import java.time.Instant;
import java.util.Optional;

/**
 * The one rule every consumer applies: sign-on ends at the moment a lifecycle event ({@link StatementClosed},
 * {@link StatementPublished}, {@link StatementWithdrawn}) names, and a signature confirmed after that moment is never
 * counted, listed or released, whatever order the events arrive in. Several ends of one statement (close, then
 * publication or withdrawal) keep the earliest.
 */
public final class SignOnEnd {

    /**
     * The moment sign-on ended that this event tells, if it is a lifecycle end: its {@code signOnEndedAt}, or for
     * events written before that field existed, the envelope's time (when the change committed).
     */
    public static Optional<Instant> of(Envelope<?> event) {
        Instant named;
        if (event.data() instanceof StatementClosed closed) {
            named = closed.signOnEndedAt();
        } else if (event.data() instanceof StatementPublished published) {
            named = published.signOnEndedAt();
        } else if (event.data() instanceof StatementWithdrawn withdrawn) {
            named = withdrawn.signOnEndedAt();
        } else {
            return Optional.empty();
        }
        return Optional.of(named == null ? event.time() : named);
    }

    /** Whether a signature confirmed at {@code confirmedAt} counts, given the end known so far (null: none yet). */
    public static boolean counts(Instant confirmedAt, Instant endedAt) {
        return endedAt == null || !confirmedAt.isAfter(endedAt);
    }

    /** Of two known ends (either may be null), the earlier. */
    public static Instant earlier(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    private SignOnEnd() {}
}
