package org.chorus.events;

import java.util.UUID;

/** The statement was released with its final text; only versioned errata can follow. */
public record StatementPublished(UUID statementId, int revision, String contentHash) {}
