package org.chorus.statements.translations;

import java.time.Instant;
import java.util.UUID;

/**
 * One save of a translation, never changed afterwards. {@code current} marks the latest; {@code stale} is true when a
 * material revision of the source came after the one this translates.
 */
record TranslationRevision(
        UUID statementId,
        String language,
        int number,
        int sourceRevision,
        Translation.Status status,
        String title,
        String body,
        String contentHash,
        UUID authorId,
        Instant createdAt,
        boolean current,
        boolean stale) {}
