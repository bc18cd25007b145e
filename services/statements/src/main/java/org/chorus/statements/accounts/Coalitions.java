package org.chorus.statements.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.chorus.platform.web.Problems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coalitions: groups of coordinators that own statements and, in distribution, contact lists, segments and imports.
 * Every coordinator has a personal coalition from enrolment on, the first one they belong to; a member adds colleagues
 * by the address of their account. A coalition is visible to its members only: to anyone else it does not exist.
 */
@Service
public class Coalitions {
    private final JdbcClient jdbc;
    private final Clock clock;

    Coalitions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Coalition(UUID id, String name) {}

    public record Member(UUID coordinatorId, String email) {}

    /** The coalitions the coordinator belongs to, the one they joined first (their personal one) first. */
    @Transactional(readOnly = true)
    public List<Coalition> of(UUID coordinatorId) {
        return jdbc.sql("""
                        select c.id, c.name from coalition c join coalition_member m on m.coalition_id = c.id
                        where m.coordinator_id = ? order by m.joined_at, c.id""").param(coordinatorId).query(Coalition.class).list();
    }

    /** The coalition a new statement of {@code me} belongs to: {@code requested}, one of theirs, or their first. */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID forNewStatement(CurrentCoordinator me, UUID requested) {
        List<Coalition> mine = of(me.id());
        if (requested == null) {
            return mine.isEmpty() ? personal(me.id(), me.email()) : mine.get(0).id();
        }
        if (mine.stream().noneMatch(coalition -> coalition.id().equals(requested))) {
            throw Problems.badRequest("You belong to no coalition " + requested + ".");
        }
        return requested;
    }

    /** The coalition of a statement, to a coordinator with a role on it; empty (404) for anyone else. */
    @Transactional(readOnly = true)
    public Optional<UUID> ofStatement(UUID statementId, UUID coordinatorId) {
        return jdbc.sql("""
                        select s.coalition_id from statement s join statement_member m on m.statement_id = s.id
                        where s.id = ? and m.coordinator_id = ?""")
                .params(statementId, coordinatorId)
                .query(UUID.class)
                .optional();
    }

    /** A new coalition with {@code me} as its first member. */
    @Transactional
    Coalition create(CurrentCoordinator me, String name) {
        UUID id = UUID.randomUUID();
        insert(id, name, me.id());
        return new Coalition(id, name);
    }

    /** The coordinator's personal coalition, made at enrolment. */
    @Transactional(propagation = Propagation.MANDATORY)
    UUID personal(UUID coordinatorId, String email) {
        UUID id = UUID.randomUUID();
        insert(id, email, coordinatorId);
        return id;
    }

    /** A member adds the coordinator with this account address; 404 to anyone who is not a member. */
    @Transactional
    List<Member> addMember(CurrentCoordinator me, UUID coalitionId, String email) {
        requireMember(me, coalitionId);
        UUID coordinator = jdbc.sql("select id from coordinator where email = ?")
                .param(Accounts.normalise(email))
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> Problems.notFound("No coordinator account has the address " + email + "."));
        jdbc.sql("""
                        insert into coalition_member (coalition_id, coordinator_id, joined_at) values (?, ?, ?)
                        on conflict do nothing""")
                .params(coalitionId, coordinator, Timestamp.from(clock.instant()))
                .update();
        return members(me, coalitionId);
    }

    @Transactional(readOnly = true)
    List<Member> members(CurrentCoordinator me, UUID coalitionId) {
        requireMember(me, coalitionId);
        return jdbc.sql("""
                        select m.coordinator_id, c.email from coalition_member m
                        join coordinator c on c.id = m.coordinator_id
                        where m.coalition_id = ? order by m.joined_at, c.email""").param(coalitionId).query(Member.class).list();
    }

    private void requireMember(CurrentCoordinator me, UUID coalitionId) {
        boolean member = jdbc.sql(
                        "select exists (select 1 from coalition_member where coalition_id = ? and coordinator_id = ?)")
                .params(coalitionId, me.id())
                .query(Boolean.class)
                .single();
        if (!member) {
            throw Problems.notFound("No coalition " + coalitionId + ".");
        }
    }

    private void insert(UUID id, String name, UUID firstMember) {
        Instant now = clock.instant();
        jdbc.sql("insert into coalition (id, name, created_at) values (?, ?, ?)")
                .params(id, name, Timestamp.from(now))
                .update();
        jdbc.sql("insert into coalition_member (coalition_id, coordinator_id, joined_at) values (?, ?, ?)")
                .params(id, firstMember, Timestamp.from(now))
                .update();
    }
}
