package org.chorus.statements.drafting;

import java.time.Instant;
import java.util.UUID;

/** What the API answers about a statement: its state and its current revision. */
record StatementView(
        UUID id,
        String title,
        String language,
        Statement.Status status,
        Instant createdAt,
        Instant openedAt,
        RevisionView revision) {

    record RevisionView(int number, String body, String contentHash, Instant createdAt) {}

    static StatementView of(Statement statement, Revision revision) {
        return new StatementView(
                statement.id(),
                statement.title(),
                statement.language(),
                statement.status(),
                statement.createdAt(),
                statement.openedAt(),
                new RevisionView(revision.number(), revision.body(), revision.contentHash(), revision.createdAt()));
    }
}
