package org.chorus.events;

import java.util.UUID;

/**
 * A translation was saved. {@code sourceRevision} is the revision it translates; {@code status} is DRAFT, REVIEWED or
 * FINAL; {@code stale} is true when the source has had a material revision since.
 */
public record TranslationUpdated(
        UUID statementId,
        String language,
        int sourceRevision,
        String status,
        String title,
        String text,
        String contentHash,
        boolean stale) {}
