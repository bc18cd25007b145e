package org.chorus.events;

import java.util.UUID;

/** The coalition withdrew the statement; nothing more is signed or sent. */
public record StatementWithdrawn(UUID statementId, String reason) {}
