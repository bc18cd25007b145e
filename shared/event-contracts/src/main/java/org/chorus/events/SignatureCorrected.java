package org.chorus.events;

import java.util.UUID;

/** The signer corrected how they appear. For a withheld signer, name and qualifier are absent. */
public record SignatureCorrected(
        UUID signatureId,
        UUID statementId,
        SignatoryKind kind,
        String name,
        String country,
        String qualifier,
        Visibility visibility) {}
