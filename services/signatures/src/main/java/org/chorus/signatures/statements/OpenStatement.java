package org.chorus.signatures.statements;

import java.time.Instant;
import java.util.UUID;

/** A statement open for signature, with the exact text signers see. */
public record OpenStatement(
        UUID id, String title, String language, int revision, String text, String contentHash, Instant openedAt) {

    public String shortHash() {
        return contentHash.substring(0, 12);
    }
}
