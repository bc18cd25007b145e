package org.chorus.signatures.statements;

import java.time.Instant;
import java.util.UUID;

/** A statement open for signature, with the exact text signers see. */
public record OpenStatement(
        UUID id,
        String title,
        String language,
        int revision,
        String text,
        String contentHash,
        Instant openedAt,
        Instant publishedAt,
        Instant reconsentDeadline,
        String reconsentResolved,
        boolean inviteOnly) {

    /** Once published, signatures can no longer be withdrawn or corrected. */
    public boolean published() {
        return publishedAt != null;
    }

    public String shortHash() {
        return contentHash.substring(0, 12);
    }
}
