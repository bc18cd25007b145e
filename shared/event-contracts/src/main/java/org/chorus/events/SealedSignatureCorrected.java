package org.chorus.events;

import java.util.UUID;

/**
 * The signer corrected how they appear ({@code chorus.signature.corrected.v2}, which replaces v1); name and qualifier
 * only sealed for distribution, as in {@link SealedSignatureConfirmed}. With {@code visibility} WITHHELD (the signer
 * chose to be withheld, maybe after being public) it names nobody, and every consumer erases whatever it stored of the
 * signer's identity: distribution the printed line, tracking the invitee's name.
 */
public record SealedSignatureCorrected(
        UUID signatureId,
        UUID statementId,
        SignatoryKind kind,
        String country,
        Visibility visibility,
        String keyId,
        String identity) {

    /** The correction as v1 described it, with the opened identity (null: without a name). */
    public SignatureCorrected opened(SignatoryIdentity opened) {
        return new SignatureCorrected(
                signatureId,
                statementId,
                kind,
                opened == null ? null : opened.name(),
                country,
                opened == null ? null : opened.qualifier(),
                visibility);
    }
}
