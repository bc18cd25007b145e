package org.chorus.events;

import java.util.UUID;

/**
 * A signature was submitted through the public form and waits for its double opt-in. Carries only what may
 * appear publicly; the signer's e-mail never leaves the signatures service except inside a mail request.
 *
 * @param country ISO 3166-1 alpha-2 code, or null when the signer gave none
 */
public record SignatureSubmitted(
        UUID signatureId, UUID statementId, SignatoryKind kind, String name, String country, String qualifier) {}
