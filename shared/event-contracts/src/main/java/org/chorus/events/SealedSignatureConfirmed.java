package org.chorus.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A signer confirmed ({@code chorus.signature.confirmed.v2}, which replaces v1), with the signer's name and qualifier
 * only sealed: {@code identity} is the base64 of an HPKE ciphertext to distribution's public key {@code keyId}, of the
 * JSON of a {@link SignatoryIdentity}, bound to this type, the statement and the signature. A WITHHELD signature has
 * neither {@code keyId} nor {@code identity}: it names nobody, and its country is present only if the signer allowed
 * it to be counted. Everything else is as in {@link SignatureConfirmed}.
 */
public record SealedSignatureConfirmed(
        UUID signatureId,
        UUID statementId,
        SignatoryKind kind,
        String country,
        int revision,
        String revisionHash,
        Instant confirmedAt,
        Visibility visibility,
        UUID invitationId,
        Integer wave,
        String keyId,
        String identity) {

    /** The confirmation as v1 described it, with the opened identity (null: without a name, as tracking reads it). */
    public SignatureConfirmed opened(SignatoryIdentity opened) {
        return new SignatureConfirmed(
                signatureId,
                statementId,
                kind,
                opened == null ? null : opened.name(),
                country,
                opened == null ? null : opened.qualifier(),
                revision,
                revisionHash,
                confirmedAt,
                visibility,
                invitationId,
                wave);
    }
}
