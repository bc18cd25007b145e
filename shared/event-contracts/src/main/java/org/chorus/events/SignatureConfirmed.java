package org.chorus.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A signer confirmed through their personal link. {@code revisionHash} is the content hash of the text they saw.
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
        Instant confirmedAt) {}
