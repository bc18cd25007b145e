package org.chorus.tracking.counts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.chorus.events.SignatureConfirmed;
import org.chorus.events.StatementOpened;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CountsRepository {
    private final JdbcClient jdbc;

    CountsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many confirmed signatures one statement has with one kind and country (null: none given). */
    record Tally(String kind, String country, long signatures) {}

    /** Records the statement, keeping the newest revision if events of several revisions arrive. */
    void upsert(StatementOpened opened, Instant openedAt) {
        jdbc.sql("""
                        insert into statement (id, title, language, revision, content_hash, opened_at)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (id) do update
                        set title = excluded.title, language = excluded.language, revision = excluded.revision,
                            content_hash = excluded.content_hash, opened_at = excluded.opened_at
                        where excluded.revision >= statement.revision""")
                .params(
                        opened.statementId(),
                        opened.title(),
                        opened.language(),
                        opened.revision(),
                        opened.contentHash(),
                        Timestamp.from(openedAt))
                .update();
    }

    void insert(SignatureConfirmed confirmed) {
        jdbc.sql("""
                        insert into signature
                            (signature_id, statement_id, kind, country, revision, revision_hash, confirmed_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (signature_id) do nothing""")
                .params(
                        confirmed.signatureId(),
                        confirmed.statementId(),
                        confirmed.kind().name(),
                        confirmed.country(),
                        confirmed.revision(),
                        confirmed.revisionHash(),
                        Timestamp.from(confirmed.confirmedAt()))
                .update();
    }

    Optional<String> title(UUID statementId) {
        return jdbc.sql("select title from statement where id = ?")
                .param(statementId)
                .query(String.class)
                .optional();
    }

    List<Tally> tallies(UUID statementId) {
        return jdbc.sql("""
                        select kind, country, count(*) as signatures from signature
                        where statement_id = ?
                        group by kind, country""").param(statementId).query(Tally.class).list();
    }

    /** Every statement seen, opened or only signed so far, newest opened first. */
    List<TrackedStatement> all() {
        return jdbc.sql("""
                        select coalesce(s.id, c.statement_id) as statement_id, s.title, s.language, s.revision,
                               s.opened_at, coalesce(c.confirmed, 0) as confirmed
                        from statement s
                        full join (select statement_id, count(*) as confirmed from signature group by statement_id) c
                            on c.statement_id = s.id
                        order by s.opened_at desc nulls last, statement_id""").query(TrackedStatement.class).list();
    }
}
