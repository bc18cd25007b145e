package org.chorus.events;

import java.util.UUID;

/**
 * A signature was submitted through the public form and waits for its double opt-in ({@code
 * chorus.signature.submitted.v2}, which replaces v1). It names nobody: no consumer needs the name of a signature that
 * does not count yet. {@code country} is absent when the signer gave none, or is withheld and did not allow it to be
 * counted.
 */
public record SignatureSubmittedV2(
        UUID signatureId,
        UUID statementId,
        SignatoryKind kind,
        String country,
        Visibility visibility,
        UUID invitationId) {}
