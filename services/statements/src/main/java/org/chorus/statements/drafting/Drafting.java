package org.chorus.statements.drafting;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.chorus.events.EventTypes;
import org.chorus.events.StatementOpened;
import org.chorus.platform.outbox.Outbox;
import org.chorus.platform.web.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating statements, saving revisions, and opening them for signature. */
@Service
class Drafting {
    private final StatementRepository statements;
    private final Outbox outbox;
    private final Clock clock;

    Drafting(StatementRepository statements, Outbox outbox, Clock clock) {
        this.statements = statements;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    StatementView create(String title, String body, String language) {
        Instant now = clock.instant();
        Statement statement = new Statement(UUID.randomUUID(), title, language, Statement.Status.DRAFT, 1, now, null);
        Revision revision = new Revision(statement.id(), 1, title, body, Revision.contentHash(title, body), now);
        statements.insert(statement);
        statements.insert(revision);
        return StatementView.of(statement, revision);
    }

    @Transactional
    StatementView revise(UUID id, String title, String body) {
        Statement statement = existing(id);
        if (statement.status() != Statement.Status.DRAFT) {
            throw Problems.conflict("Statement " + id + " is open for signature; its text can no longer change.");
        }
        Revision revision = new Revision(
                id, statement.currentRevision() + 1, title, body, Revision.contentHash(title, body), clock.instant());
        Statement revised = new Statement(
                id,
                title,
                statement.language(),
                statement.status(),
                revision.number(),
                statement.createdAt(),
                statement.openedAt());
        statements.insert(revision);
        statements.update(revised);
        return StatementView.of(revised, revision);
    }

    @Transactional
    StatementView open(UUID id) {
        Statement statement = existing(id);
        if (statement.status() != Statement.Status.DRAFT) {
            throw Problems.conflict("Statement " + id + " is already open for signature.");
        }
        Statement opened = new Statement(
                id,
                statement.title(),
                statement.language(),
                Statement.Status.OPEN,
                statement.currentRevision(),
                statement.createdAt(),
                clock.instant());
        Revision revision = statements.revision(id, opened.currentRevision());
        statements.update(opened);
        outbox.append(
                EventTypes.STATEMENT_OPENED,
                id,
                id,
                new StatementOpened(
                        id,
                        revision.title(),
                        opened.language(),
                        revision.number(),
                        revision.body(),
                        revision.contentHash()));
        return StatementView.of(opened, revision);
    }

    @Transactional(readOnly = true)
    StatementView find(UUID id) {
        Statement statement = statements.find(id).orElseThrow(() -> Problems.notFound("No statement " + id + "."));
        return StatementView.of(statement, statements.revision(id, statement.currentRevision()));
    }

    @Transactional(readOnly = true)
    List<StatementView> list() {
        return statements.findAll().stream()
                .map(statement ->
                        StatementView.of(statement, statements.revision(statement.id(), statement.currentRevision())))
                .toList();
    }

    private Statement existing(UUID id) {
        return statements.findForUpdate(id).orElseThrow(() -> Problems.notFound("No statement " + id + "."));
    }
}
