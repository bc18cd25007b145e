package org.chorus.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The statement was released with its final text; only versioned errata can follow. {@code signOnEndedAt} is when
 * sign-on ended (the close before publication; absent in older events, see {@link SignOnEnd}).
 */
public record StatementPublished(UUID statementId, int revision, String contentHash, Instant signOnEndedAt) {

    /** The record as version 1 producers wrote it, without the moment sign-on ended. */
    public StatementPublished(UUID statementId, int revision, String contentHash) {
        this(statementId, revision, contentHash, null);
    }
}
