package org.chorus.statements.comments;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CommentRepository {
    private final JdbcClient jdbc;

    CommentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Comment c) {
        jdbc.sql("""
                        insert into comment (id, statement_id, revision, parent_id, author_id, start_offset,
                                             end_offset, quote, body, resolved, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?)""")
                .params(
                        c.id(),
                        c.statementId(),
                        c.revision(),
                        c.parentId(),
                        c.authorId(),
                        c.startOffset(),
                        c.endOffset(),
                        c.quote(),
                        c.body(),
                        Timestamp.from(c.createdAt()))
                .update();
    }

    Optional<Comment> find(UUID statementId, UUID id) {
        return jdbc.sql("select * from comment where statement_id = ? and id = ?")
                .params(statementId, id)
                .query(Comment.class)
                .optional();
    }

    List<Comment> all(UUID statementId) {
        return jdbc.sql("select * from comment where statement_id = ? order by created_at, id")
                .param(statementId)
                .query(Comment.class)
                .list();
    }

    void resolve(UUID id, boolean resolved) {
        jdbc.sql("update comment set resolved = ? where id = ?")
                .params(resolved, id)
                .update();
    }
}
