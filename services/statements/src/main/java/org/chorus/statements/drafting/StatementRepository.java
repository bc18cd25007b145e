package org.chorus.statements.drafting;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class StatementRepository {
    private final JdbcClient jdbc;

    StatementRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Statement statement) {
        jdbc.sql("""
                        insert into statement (id, title, language, status, current_revision, created_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(
                        statement.id(),
                        statement.title(),
                        statement.language(),
                        statement.status().name(),
                        statement.currentRevision(),
                        java.sql.Timestamp.from(statement.createdAt()))
                .update();
    }

    void insert(Revision revision) {
        jdbc.sql("""
                        insert into revision (statement_id, number, title, body, content_hash, created_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(
                        revision.statementId(),
                        revision.number(),
                        revision.title(),
                        revision.body(),
                        revision.contentHash(),
                        java.sql.Timestamp.from(revision.createdAt()))
                .update();
    }

    Optional<Statement> findForUpdate(UUID id) {
        return jdbc.sql("select * from statement where id = ? for update")
                .param(id)
                .query(Statement.class)
                .optional();
    }

    Optional<Statement> find(UUID id) {
        return jdbc.sql("select * from statement where id = ?")
                .param(id)
                .query(Statement.class)
                .optional();
    }

    List<Statement> findAll() {
        return jdbc.sql("select * from statement order by created_at desc")
                .query(Statement.class)
                .list();
    }

    Revision revision(UUID statementId, int number) {
        return jdbc.sql("select * from revision where statement_id = ? and number = ?")
                .params(statementId, number)
                .query(Revision.class)
                .single();
    }

    void update(Statement statement) {
        jdbc.sql("""
                        update statement set title = ?, status = ?, current_revision = ?, opened_at = ?
                        where id = ?""")
                .params(
                        statement.title(),
                        statement.status().name(),
                        statement.currentRevision(),
                        statement.openedAt() == null ? null : java.sql.Timestamp.from(statement.openedAt()),
                        statement.id())
                .update();
    }
}
