package org.chorus.events;

import java.time.Instant;
import java.util.UUID;

/** The deadline passed with {@code confirmed} signatures. */
public record DeadlinePassed(UUID statementId, Instant deadline, int confirmed) {}
