package org.chorus.events;

import java.util.UUID;

/** A coordinator rejected a signature in moderation; it no longer counts. */
public record SignatureRejected(UUID signatureId, UUID statementId, String reason) {}
