package org.chorus.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A signer confirmed through their personal link. {@code revisionHash} is the content hash of the text they saw.
 * {@code visibility} absent means PUBLIC; for a WITHHELD signer name and qualifier are absent, and country is present
 * only if the signer allowed it to be counted. {@code invitationId} and {@code wave} are present for invited signers.
 *
 * @param country ISO 3166-1 alpha-2 code, or null when the signer gave none
 */
public record SignatureConfirmed(
        UUID signatureId,
        UUID statementId,
        SignatoryKind kind,
        String name,
        String country,
        String qualifier,
        int revision,
        String revisionHash,
        Instant confirmedAt,
        Visibility visibility,
        UUID invitationId,
        Integer wave) {

    /** The record as version 1 producers wrote it: public, not invited. */
    public SignatureConfirmed(
            UUID signatureId,
            UUID statementId,
            SignatoryKind kind,
            String name,
            String country,
            String qualifier,
            int revision,
            String revisionHash,
            Instant confirmedAt) {
        this(
                signatureId,
                statementId,
                kind,
                name,
                country,
                qualifier,
                revision,
                revisionHash,
                confirmedAt,
                null,
                null,
                null);
    }
}
