package org.chorus.statements.translations;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TranslationRepository {
    private final JdbcClient jdbc;

    TranslationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(Translation t) {
        jdbc.sql("""
                        insert into translation (statement_id, language, source_revision, status, title, body,
                                                 content_hash, stale, updated_at, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (statement_id, language) do update set source_revision = excluded.source_revision,
                            status = excluded.status, title = excluded.title, body = excluded.body,
                            content_hash = excluded.content_hash, stale = excluded.stale,
                            updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .params(
                        t.statementId(),
                        t.language(),
                        t.sourceRevision(),
                        t.status().name(),
                        t.title(),
                        t.body(),
                        t.contentHash(),
                        t.stale(),
                        Timestamp.from(t.updatedAt()),
                        t.updatedBy())
                .update();
    }

    List<Translation> all(UUID statementId) {
        return jdbc.sql("select * from translation where statement_id = ? order by language")
                .param(statementId)
                .query(Translation.class)
                .list();
    }

    Optional<Translation> find(UUID statementId, String language) {
        return jdbc.sql("select * from translation where statement_id = ? and language = ?")
                .params(statementId, language)
                .query(Translation.class)
                .optional();
    }

    /** Marks translations of older revisions stale and returns them. */
    List<Translation> markStale(UUID statementId, int revision) {
        return jdbc.sql("""
                        update translation set stale = true
                        where statement_id = ? and source_revision < ? and not stale returning *""")
                .params(statementId, revision)
                .query(Translation.class)
                .list();
    }
}
