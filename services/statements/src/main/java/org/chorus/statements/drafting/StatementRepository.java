package org.chorus.statements.drafting;

import java.sql.Timestamp;
import java.time.Instant;
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

    void insert(Statement statement, UUID coalitionId) {
        jdbc.sql("""
                        insert into statement (id, title, summary, language, slug, coalition, press_contact, status,
                                               current_revision, created_at, coalition_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        statement.id(),
                        statement.title(),
                        statement.summary(),
                        statement.language(),
                        statement.slug(),
                        statement.coalition(),
                        statement.pressContact(),
                        statement.status().name(),
                        statement.currentRevision(),
                        Timestamp.from(statement.createdAt()),
                        coalitionId)
                .update();
    }

    void insert(Revision revision) {
        jdbc.sql("""
                        insert into revision (statement_id, number, title, body, content_hash, created_at, author_id,
                                              material)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        revision.statementId(),
                        revision.number(),
                        revision.title(),
                        revision.body(),
                        revision.contentHash(),
                        Timestamp.from(revision.createdAt()),
                        revision.authorId(),
                        revision.material())
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

    List<Statement> findFor(UUID coordinatorId) {
        return jdbc.sql("""
                        select s.* from statement s join statement_member m on m.statement_id = s.id
                        where m.coordinator_id = ? order by s.created_at desc""").param(coordinatorId).query(Statement.class).list();
    }

    Optional<Revision> revision(UUID statementId, int number) {
        return jdbc.sql("select * from revision where statement_id = ? and number = ?")
                .params(statementId, number)
                .query(Revision.class)
                .optional();
    }

    List<Revision> revisions(UUID statementId) {
        return jdbc.sql("select * from revision where statement_id = ? order by number")
                .param(statementId)
                .query(Revision.class)
                .list();
    }

    void update(Statement s) {
        jdbc.sql("""
                        update statement set title = ?, summary = ?, slug = ?, coalition = ?, press_contact = ?,
                               status = ?, current_revision = ?, opened_at = ?, closed_at = ?, published_at = ?,
                               withdrawn_at = ?, withdrawal_reason = ?, deadline = ?, signature_target = ?,
                               embargo_until = ?, time_zone = ?
                        where id = ?""")
                .params(
                        s.title(),
                        s.summary(),
                        s.slug(),
                        s.coalition(),
                        s.pressContact(),
                        s.status().name(),
                        s.currentRevision(),
                        ts(s.openedAt()),
                        ts(s.closedAt()),
                        ts(s.publishedAt()),
                        ts(s.withdrawnAt()),
                        s.withdrawalReason(),
                        ts(s.deadline()),
                        s.signatureTarget(),
                        ts(s.embargoUntil()),
                        s.timeZone(),
                        s.id())
                .update();
    }

    boolean slugTaken(String slug, UUID except) {
        return jdbc.sql("select count(*) from statement where slug = ? and id <> ?")
                        .params(slug, except)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    Optional<Role> role(UUID statementId, UUID coordinatorId) {
        return jdbc.sql("select role from statement_member where statement_id = ? and coordinator_id = ?")
                .params(statementId, coordinatorId)
                .query(String.class)
                .optional()
                .map(Role::valueOf);
    }

    void putMember(UUID statementId, UUID coordinatorId, Role role) {
        jdbc.sql("""
                        insert into statement_member (statement_id, coordinator_id, role) values (?, ?, ?)
                        on conflict (statement_id, coordinator_id) do update set role = excluded.role""").params(statementId, coordinatorId, role.name()).update();
    }

    /**
     * A co-drafter as the statement's coordinators see them: the address and its role, and whether it is still only
     * invited ({@code pending}: not accepted yet, whether or not an account has the address).
     */
    record Member(String email, Role role, boolean pending) {}

    /** Members, and addresses invited that have not accepted (with an account or not), alike, by address. */
    List<Member> members(UUID statementId) {
        return jdbc.sql("""
                        select c.email, m.role, false from statement_member m
                        join coordinator c on c.id = m.coordinator_id where m.statement_id = ?
                        union
                        select i.email, i.role, true from statement_invitation i
                        where i.statement_id = ? and not exists (
                            select 1 from statement_member m join coordinator c on c.id = m.coordinator_id
                            where m.statement_id = i.statement_id and c.email = i.email)
                        order by 1""")
                .params(statementId, statementId)
                .query((rs, row) -> new Member(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getBoolean(3)))
                .list();
    }

    void putInvitation(UUID statementId, String email, Role role, Instant now) {
        jdbc.sql("""
                        insert into statement_invitation (statement_id, email, role, invited_at)
                        values (?, lower(trim(?)), ?, ?)
                        on conflict (statement_id, email) do update set role = excluded.role""")
                .params(statementId, email, role.name(), Timestamp.from(now))
                .update();
    }

    /** The coordinator with this address if they are a member of the statement already. */
    Optional<UUID> memberByEmail(UUID statementId, String email) {
        return jdbc.sql("""
                        select c.id from statement_member m join coordinator c on c.id = m.coordinator_id
                        where m.statement_id = ? and c.email = lower(trim(?))""").params(statementId, email).query(UUID.class).optional();
    }

    /** An invitation to co-draft, as the invited coordinator sees it. */
    record Invitation(UUID statementId, String title, Role role, Instant invitedAt) {}

    /** The statements inviting this address that the coordinator is not a member of, oldest invitation first. */
    List<Invitation> invitations(String email, UUID coordinatorId) {
        return jdbc.sql("""
                        select s.id, s.title, i.role, i.invited_at from statement_invitation i
                        join statement s on s.id = i.statement_id
                        where i.email = lower(trim(?)) and not exists (select 1 from statement_member m
                            where m.statement_id = i.statement_id and m.coordinator_id = ?)
                        order by i.invited_at, s.id""")
                .params(email, coordinatorId)
                .query((rs, row) -> new Invitation(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        Role.valueOf(rs.getString(3)),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** Removes the address's invitation to the statement, telling the role it offered; empty when there was none. */
    Optional<Role> takeInvitation(UUID statementId, String email) {
        return jdbc.sql(
                        "delete from statement_invitation where statement_id = ? and email = lower(trim(?)) returning role")
                .params(statementId, email)
                .query(String.class)
                .optional()
                .map(Role::valueOf);
    }

    record Erratum(int number, String text, UUID authorId, Instant createdAt) {}

    void insertErratum(UUID statementId, String text, UUID authorId, Instant now) {
        jdbc.sql("""
                        insert into erratum (statement_id, number, text, author_id, created_at)
                        values (?, (select coalesce(max(number), 0) + 1 from erratum where statement_id = ?), ?, ?, ?)""")
                .params(statementId, statementId, text, authorId, Timestamp.from(now))
                .update();
    }

    List<Erratum> errata(UUID statementId) {
        return jdbc.sql(
                        "select number, text, author_id, created_at from erratum where statement_id = ? order by number")
                .param(statementId)
                .query(Erratum.class)
                .list();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
