package org.chorus.events;

import java.time.Instant;
import java.util.UUID;

/** The embargo time passed while the service could not send; the release waits for a coordinator's decision. */
public record EmbargoHeld(UUID releaseId, UUID statementId, Instant embargoUntil) {}
