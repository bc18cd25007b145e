package org.chorus.events;

import java.util.UUID;

/**
 * A statement was opened for signature. Carries the exact text signers will see and its SHA-256 content hash
 * (lower-case hex), so that every signature can be tied to the revision it agreed to.
 */
public record StatementOpened(
        UUID statementId, String title, String language, int revision, String text, String contentHash) {}
