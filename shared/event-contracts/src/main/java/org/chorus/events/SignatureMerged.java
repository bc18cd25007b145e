package org.chorus.events;

import java.util.UUID;

/** A duplicate signature was merged into another; only {@code intoSignatureId} counts. */
public record SignatureMerged(UUID signatureId, UUID statementId, UUID intoSignatureId) {}
