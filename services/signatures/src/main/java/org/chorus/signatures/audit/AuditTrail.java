package org.chorus.signatures.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change to a signature, in the transaction of the change. Details never hold a withheld signer's name, only
 * which fields changed.
 */
@Component
public class AuditTrail {
    public enum Actor {
        SIGNER,
        COORDINATOR,
        SYSTEM
    }

    public record Entry(Instant at, Actor actor, String action, String detail) {}

    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(UUID signatureId, UUID statementId, Instant at, Actor actor, String action, String detail) {
        jdbc.sql("""
                        insert into signature_audit (signature_id, statement_id, at, actor, action, detail)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(signatureId, statementId, Timestamp.from(at), actor.name(), action, detail)
                .update();
    }

    public List<Entry> of(UUID signatureId) {
        return jdbc.sql("select at, actor, action, detail from signature_audit where signature_id = ? order by id")
                .param(signatureId)
                .query(Entry.class)
                .list();
    }
}
