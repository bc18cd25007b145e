package org.chorus.distribution.statements;

import java.util.Optional;
import java.util.UUID;
import org.chorus.events.StatementOpened;
import org.chorus.platform.inbox.Inbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The text of each statement as it was opened for signature, as releases quote it. */
@Service
public class StatementCopies {
    private final JdbcClient jdbc;
    private final Inbox inbox;

    StatementCopies(JdbcClient jdbc, Inbox inbox) {
        this.jdbc = jdbc;
        this.inbox = inbox;
    }

    public record StatementCopy(
            UUID id, String title, String language, String text, String contentHash, int revision) {}

    @Transactional
    void opened(UUID eventId, StatementOpened opened) {
        if (!inbox.firstDelivery(eventId)) {
            return;
        }
        jdbc.sql("""
                        insert into statement_copy (id, title, language, text, content_hash, revision)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (id) do update
                        set title = excluded.title, language = excluded.language, text = excluded.text,
                            content_hash = excluded.content_hash, revision = excluded.revision
                        where statement_copy.revision <= excluded.revision""")
                .params(
                        opened.statementId(),
                        opened.title(),
                        opened.language(),
                        opened.text(),
                        opened.contentHash(),
                        opened.revision())
                .update();
    }

    @Transactional(readOnly = true)
    public Optional<StatementCopy> find(UUID id) {
        return jdbc.sql("select id, title, language, text, content_hash, revision from statement_copy where id = ?")
                .param(id)
                .query(StatementCopy.class)
                .optional();
    }
}
