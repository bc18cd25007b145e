package org.chorus.tracking.projection;

import java.util.UUID;

/** Published (in-process, after commit) when an event about a statement was applied to the live read models. */
public record StatementChanged(UUID statementId) {}
