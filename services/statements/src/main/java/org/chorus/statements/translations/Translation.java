package org.chorus.statements.translations;

import java.time.Instant;
import java.util.UUID;

/**
 * The statement in one more language, tied to the source revision it translates: the current state, whose latest save
 * is translation revision {@code revision}.
 */
record Translation(
        UUID statementId,
        String language,
        int sourceRevision,
        Status status,
        String title,
        String body,
        String contentHash,
        boolean stale,
        Instant updatedAt,
        UUID updatedBy,
        int revision) {

    enum Status {
        DRAFT,
        REVIEWED,
        FINAL
    }
}
