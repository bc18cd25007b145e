package org.chorus.statements.drafting;

import java.time.Instant;
import java.util.UUID;

record Statement(
        UUID id,
        String title,
        String language,
        Status status,
        int currentRevision,
        Instant createdAt,
        Instant openedAt) {

    enum Status {
        DRAFT,
        OPEN
    }
}
