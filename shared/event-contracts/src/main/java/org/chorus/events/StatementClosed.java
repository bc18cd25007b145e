package org.chorus.events;

import java.util.UUID;

/** Sign-on ended; {@code revision} is the final text. */
public record StatementClosed(UUID statementId, int revision, String contentHash) {}
