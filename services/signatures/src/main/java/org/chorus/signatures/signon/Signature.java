package org.chorus.signatures.signon;

import java.time.Instant;
import java.util.UUID;
import org.chorus.events.SignatoryKind;

record Signature(
        UUID id,
        UUID statementId,
        SignatoryKind kind,
        String name,
        String country,
        String qualifier,
        String email,
        Status status,
        int revision,
        String revisionHash,
        Instant submittedAt,
        Instant confirmedAt) {

    enum Status {
        PENDING,
        CONFIRMED
    }
}
