package org.chorus.events;

import java.util.UUID;

/** A coordinator created a statement; revision 1 holds its first text. */
public record StatementDrafted(UUID statementId, String title, String language, int revision, String contentHash) {}
