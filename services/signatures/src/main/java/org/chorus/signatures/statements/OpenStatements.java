package org.chorus.signatures.statements;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.chorus.events.StatementOpened;
import org.chorus.platform.inbox.Inbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The statements this service accepts signatures for, as learnt from chorus.statements. */
@Service
public class OpenStatements {
    private final JdbcClient jdbc;
    private final Inbox inbox;

    OpenStatements(JdbcClient jdbc, Inbox inbox) {
        this.jdbc = jdbc;
        this.inbox = inbox;
    }

    @Transactional
    void opened(UUID eventId, Instant at, StatementOpened event) {
        if (!inbox.firstDelivery(eventId)) {
            return;
        }
        jdbc.sql("""
                        insert into statement (id, title, language, revision, text, content_hash, opened_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (id) do update set title = excluded.title, language = excluded.language,
                            revision = excluded.revision, text = excluded.text, content_hash = excluded.content_hash
                        where statement.revision < excluded.revision""")
                .params(
                        event.statementId(),
                        event.title(),
                        event.language(),
                        event.revision(),
                        event.text(),
                        event.contentHash(),
                        Timestamp.from(at))
                .update();
    }

    public Optional<OpenStatement> find(UUID id) {
        return jdbc.sql("select * from statement where id = ?")
                .param(id)
                .query(OpenStatement.class)
                .optional();
    }
}
