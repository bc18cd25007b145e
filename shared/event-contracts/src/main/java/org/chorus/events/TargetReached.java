package org.chorus.events;

import java.util.UUID;

/** The confirmed count reached the statement's signature target. */
public record TargetReached(UUID statementId, int target, int confirmed) {}
