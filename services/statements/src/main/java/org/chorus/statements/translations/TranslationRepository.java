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

    /**
     * Saves the current state and appends it as the next immutable revision; returns that revision's number. The
     * upsert locks the translation's row, so concurrent saves of one language are numbered one after the other.
     */
    int save(Translation t) {
        int number = jdbc.sql("""
                        insert into translation (statement_id, language, source_revision, status, title, body,
                                                 content_hash, stale, updated_at, updated_by, revision)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                        on conflict (statement_id, language) do update set source_revision = excluded.source_revision,
                            status = excluded.status, title = excluded.title, body = excluded.body,
                            content_hash = excluded.content_hash, stale = excluded.stale,
                            updated_at = excluded.updated_at, updated_by = excluded.updated_by,
                            revision = translation.revision + 1
                        returning revision""")
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
                .query(Integer.class)
                .single();
        jdbc.sql("""
                        insert into translation_revision (statement_id, language, number, source_revision, status,
                                                          title, body, content_hash, author_id, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        t.statementId(),
                        t.language(),
                        number,
                        t.sourceRevision(),
                        t.status().name(),
                        t.title(),
                        t.body(),
                        t.contentHash(),
                        t.updatedBy(),
                        Timestamp.from(t.updatedAt()))
                .update();
        return number;
    }

    /** The revisions of one translation, newest first; stale as for the current translation (a later material one). */
    List<TranslationRevision> revisions(UUID statementId, String language) {
        return jdbc.sql("""
                        select tr.*, tr.number = t.revision as current,
                               exists (select 1 from revision r where r.statement_id = tr.statement_id
                                       and r.number > tr.source_revision and r.material) as stale
                        from translation_revision tr
                        join translation t on t.statement_id = tr.statement_id and t.language = tr.language
                        where tr.statement_id = ? and tr.language = ?
                        order by tr.number desc""")
                .params(statementId, language)
                .query(TranslationRevision.class)
                .list();
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
