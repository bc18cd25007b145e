package org.chorus.events;

import java.util.UUID;

/**
 * A signature was submitted through the public form and waits for its double opt-in. Carries only what may
 * appear publicly; the signer's e-mail never leaves the signatures service except inside a mail request. For a
 * WITHHELD signer name and qualifier are absent.
 *
 * @param country ISO 3166-1 alpha-2 code, or null when the signer gave none
 */
public record SignatureSubmitted(
        UUID signatureId,
        UUID statementId,
        SignatoryKind kind,
        String name,
        String country,
        String qualifier,
        Visibility visibility,
        UUID invitationId) {

    /** The record as version 1 producers wrote it: public, not invited. */
    public SignatureSubmitted(
            UUID signatureId, UUID statementId, SignatoryKind kind, String name, String country, String qualifier) {
        this(signatureId, statementId, kind, name, country, qualifier, null, null);
    }
}
