package org.chorus.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The coalition withdrew the statement; nothing more is signed or sent. {@code signOnEndedAt} is when sign-on ended:
 * the earlier close, or the withdrawal itself (absent in older events, see {@link SignOnEnd}).
 */
public record StatementWithdrawn(UUID statementId, String reason, Instant signOnEndedAt) {

    /** The record as version 1 producers wrote it, without the moment sign-on ended. */
    public StatementWithdrawn(UUID statementId, String reason) {
        this(statementId, reason, null);
    }
}
