package org.chorus.events;

import java.util.UUID;

/** The signer withdrew through their personal link; the signature no longer counts. */
public record SignatureWithdrawn(UUID signatureId, UUID statementId) {}
