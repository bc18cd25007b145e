package org.chorus.statements.comments;

import java.time.Instant;
import java.util.UUID;

/** A remark on a passage ({@code startOffset} to {@code endOffset} of a revision's body); replies have a parent. */
record Comment(
        UUID id,
        UUID statementId,
        int revision,
        UUID parentId,
        UUID authorId,
        int startOffset,
        int endOffset,
        String quote,
        String body,
        boolean resolved,
        Instant createdAt) {}
