package org.chorus.statements.drafting;

import java.time.Instant;
import java.util.UUID;

record Statement(
        UUID id,
        String title,
        String summary,
        String language,
        String slug,
        String coalition,
        String pressContact,
        Status status,
        int currentRevision,
        Instant createdAt,
        Instant openedAt,
        Instant closedAt,
        Instant publishedAt,
        Instant withdrawnAt,
        String withdrawalReason,
        Instant deadline,
        Integer signatureTarget,
        Instant embargoUntil,
        String timeZone) {

    Statement revised(String newTitle, int revision) {
        return new Statement(
                id,
                newTitle,
                summary,
                language,
                slug,
                coalition,
                pressContact,
                status,
                revision,
                createdAt,
                openedAt,
                closedAt,
                publishedAt,
                withdrawnAt,
                withdrawalReason,
                deadline,
                signatureTarget,
                embargoUntil,
                timeZone);
    }

    Statement details(String newSummary, String newSlug, String newCoalition, String newPressContact) {
        return new Statement(
                id,
                title,
                newSummary,
                language,
                newSlug,
                newCoalition,
                newPressContact,
                status,
                currentRevision,
                createdAt,
                openedAt,
                closedAt,
                publishedAt,
                withdrawnAt,
                withdrawalReason,
                deadline,
                signatureTarget,
                embargoUntil,
                timeZone);
    }

    /** The statement in its next lifecycle state, stamped with when it got there. */
    /** When sign-on ends if it ends {@code now}: a deadline that already passed ended it then. */
    Instant signOnEndingAt(Instant now) {
        return deadline != null && deadline.isBefore(now) ? deadline : now;
    }

    Statement moved(Status next, Instant now, String reason) {
        return new Statement(
                id,
                title,
                summary,
                language,
                slug,
                coalition,
                pressContact,
                next,
                currentRevision,
                createdAt,
                next == Status.OPEN ? now : openedAt,
                next == Status.CLOSED ? signOnEndingAt(now) : closedAt,
                next == Status.PUBLISHED ? now : publishedAt,
                next == Status.WITHDRAWN ? now : withdrawnAt,
                next == Status.WITHDRAWN ? reason : withdrawalReason,
                deadline,
                signatureTarget,
                embargoUntil,
                timeZone);
    }

    Statement scheduled(Schedule schedule) {
        return new Statement(
                id,
                title,
                summary,
                language,
                slug,
                coalition,
                pressContact,
                status,
                currentRevision,
                createdAt,
                openedAt,
                closedAt,
                publishedAt,
                withdrawnAt,
                withdrawalReason,
                schedule.deadline(),
                schedule.signatureTarget(),
                schedule.embargoUntil(),
                schedule.timeZone().getId());
    }

    enum Status {
        DRAFT,
        OPEN,
        CLOSED,
        PUBLISHED,
        WITHDRAWN
    }
}
