package org.chorus.statements.drafting;

import java.time.Instant;
import java.util.UUID;

/** What the API answers about a statement: its state, its schedule and its current revision. */
record StatementView(
        UUID id,
        String title,
        String summary,
        String language,
        String slug,
        String coalition,
        String pressContact,
        Statement.Status status,
        Role role,
        Instant createdAt,
        Instant openedAt,
        Instant closedAt,
        Instant publishedAt,
        Instant withdrawnAt,
        String withdrawalReason,
        ScheduleView schedule,
        RevisionView revision) {

    record ScheduleView(Instant deadline, Integer signatureTarget, Instant embargoUntil, String timeZone) {}

    record RevisionView(
            int number,
            String title,
            String body,
            String contentHash,
            boolean material,
            UUID authorId,
            Instant createdAt) {
        static RevisionView of(Revision revision) {
            return new RevisionView(
                    revision.number(),
                    revision.title(),
                    revision.body(),
                    revision.contentHash(),
                    revision.material(),
                    revision.authorId(),
                    revision.createdAt());
        }
    }

    static StatementView of(Statement s, Revision revision, Role role) {
        return new StatementView(
                s.id(),
                s.title(),
                s.summary(),
                s.language(),
                s.slug(),
                s.coalition(),
                s.pressContact(),
                s.status(),
                role,
                s.createdAt(),
                s.openedAt(),
                s.closedAt(),
                s.publishedAt(),
                s.withdrawnAt(),
                s.withdrawalReason(),
                new ScheduleView(s.deadline(), s.signatureTarget(), s.embargoUntil(), s.timeZone()),
                RevisionView.of(revision));
    }
}
