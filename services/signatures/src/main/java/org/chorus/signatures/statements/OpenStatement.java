package org.chorus.signatures.statements;

import java.time.Instant;
import java.util.UUID;
import org.chorus.events.SignOnEnd;
import org.chorus.platform.language.Languages;

/**
 * A statement opened for signature, with the exact text signers see, and where its sign-on stands: {@code
 * signOnEndedAt} is the moment the statements service says sign-on ended (closed, published or withdrawn),
 * {@code deadline} the deadline it set, {@code timeZone} the IANA zone its schedule was set in (null when none was).
 */
public record OpenStatement(
        UUID id,
        String title,
        String language,
        int revision,
        String text,
        String contentHash,
        Instant openedAt,
        Instant publishedAt,
        Instant reconsentDeadline,
        String reconsentResolved,
        boolean inviteOnly,
        Instant signOnEndedAt,
        Instant withdrawnAt,
        Instant deadline,
        String timeZone) {

    /** Once published, signatures can no longer be withdrawn or corrected. */
    public boolean published() {
        return publishedAt != null;
    }

    public boolean withdrawn() {
        return withdrawnAt != null;
    }

    /** Whether sign-on has ended at {@code now}: closed, published, withdrawn, or past its deadline. */
    public boolean signOnEnded(Instant now) {
        return signOnEndedAt != null || withdrawnAt != null || (deadline != null && !now.isBefore(deadline));
    }

    /** The page text (and problem code) that tells a signer sign-on ended: {@code signOnWithdrawn} or {@code signOnEnded}. */
    public String endedMessage() {
        return withdrawn() ? "signOnWithdrawn" : "signOnEnded";
    }

    /** A moment as a reader of {@code language} reads it, in the statement's time zone. */
    public String dateTime(Instant moment, String language) {
        return Languages.dateTime(moment, language, timeZone);
    }

    /**
     * Whether a signature confirmed at {@code confirmedAt} counts, by the rule every consumer applies ({@link
     * SignOnEnd}): not when it was confirmed after the moment sign-on ended, as the lifecycle event named it. A
     * confirmation can commit here before that event arrives; from then on it reads as not counted.
     */
    public boolean countsConfirmationAt(Instant confirmedAt) {
        return confirmedAt == null || SignOnEnd.counts(confirmedAt, signOnEndedAt);
    }

    public String shortHash() {
        return contentHash.substring(0, 12);
    }
}
