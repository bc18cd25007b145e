package org.chorus.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Sign-on ended; {@code revision} is the final text. {@code signOnEndedAt} is the moment it ended (absent in events
 * written before the field existed: then the envelope's time is that moment, see {@link SignOnEnd}).
 */
public record StatementClosed(UUID statementId, int revision, String contentHash, Instant signOnEndedAt) {

    /** The record as version 1 producers wrote it, without the moment sign-on ended. */
    public StatementClosed(UUID statementId, int revision, String contentHash) {
        this(statementId, revision, contentHash, null);
    }
}
