package org.chorus.events;

import java.time.Instant;
import java.util.UUID;

/** The deadline is {@code hoursBefore} hours away (one event per configured warning). */
public record DeadlineApproaching(UUID statementId, Instant deadline, int hoursBefore, int confirmed) {}
