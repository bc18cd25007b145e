package org.chorus.tracking.counts;

import java.time.Instant;
import java.util.UUID;

/** A statement in the list: title, language, revision and opening time stay null until its opening is seen. */
public record TrackedStatement(
        UUID statementId, String title, String language, Integer revision, Instant openedAt, long confirmed) {}
