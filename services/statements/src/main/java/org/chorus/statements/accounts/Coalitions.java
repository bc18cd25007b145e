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
 * Every coordinator has a personal coalition from enrolment on, the first one they belong to; a member invites
 * colleagues by address and they join when they accept, and any member but the last may leave. A coalition is visible
 * to its members only: to anyone else it does not exist.
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

    /**
     * A member invites a colleague by address. Nothing is told about the address: whether an account has it, has been
     * invited already or is a member, the invitation is kept alike, and the invited coordinator joins only when they
     * accept it ({@link #accept}). 404 to anyone who is not a member.
     */
    @Transactional
    void invite(CurrentCoordinator me, UUID coalitionId, String email) {
        requireMember(me, coalitionId);
        jdbc.sql("""
                        insert into coalition_invitation (coalition_id, email, invited_by, invited_at)
                        select :coalition, :email, :by, :at where not exists (
                            select 1 from coalition_member m join coordinator c on c.id = m.coordinator_id
                            where m.coalition_id = :coalition and c.email = :email)
                        on conflict do nothing""")
                .param("coalition", coalitionId)
                .param("email", Accounts.normalise(email))
                .param("by", me.id())
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }

    /** An invitation to join, as the invited coordinator sees it. */
    public record Invitation(UUID coalitionId, String name, Instant invitedAt) {}

    /** The coalitions inviting the coordinator's address that they have not joined, oldest first. */
    @Transactional(readOnly = true)
    public List<Invitation> invitations(CurrentCoordinator me) {
        return jdbc.sql("""
                        select c.id as coalition_id, c.name, i.invited_at from coalition_invitation i
                        join coalition c on c.id = i.coalition_id
                        where i.email = ? and not exists (select 1 from coalition_member m
                            where m.coalition_id = i.coalition_id and m.coordinator_id = ?)
                        order by i.invited_at, c.id""")
                .params(Accounts.normalise(me.email()), me.id())
                .query(Invitation.class)
                .list();
    }

    /** The invited coordinator joins; 404 when their address has no invitation of that coalition. */
    @Transactional
    Coalition accept(CurrentCoordinator me, UUID coalitionId) {
        takeInvitation(me, coalitionId);
        jdbc.sql("""
                        insert into coalition_member (coalition_id, coordinator_id, joined_at) values (?, ?, ?)
                        on conflict do nothing""")
                .params(coalitionId, me.id(), Timestamp.from(clock.instant()))
                .update();
        return jdbc.sql("select id, name from coalition where id = ?")
                .param(coalitionId)
                .query(Coalition.class)
                .single();
    }

    /** The invited coordinator does not join; 404 when their address has no invitation of that coalition. */
    @Transactional
    void decline(CurrentCoordinator me, UUID coalitionId) {
        takeInvitation(me, coalitionId);
    }

    /**
     * A member leaves; the statements of the coalition stay with it, and their roles on statements stay theirs. The
     * last member cannot leave (409 {@code coalitionLastMember}): a coalition without members would be nobody's.
     */
    @Transactional
    void leave(CurrentCoordinator me, UUID coalitionId) {
        requireMember(me, coalitionId);
        // serialises leavers of one coalition, so two last members cannot both leave
        jdbc.sql("select id from coalition where id = ? for update")
                .param(coalitionId)
                .query(UUID.class)
                .single();
        long members = jdbc.sql("select count(*) from coalition_member where coalition_id = ?")
                .param(coalitionId)
                .query(Long.class)
                .single();
        if (members <= 1) {
            throw Problems.conflict(
                    "coalitionLastMember",
                    "You are the last member of this coalition; invite a colleague and let them accept first.");
        }
        jdbc.sql("delete from coalition_member where coalition_id = ? and coordinator_id = ?")
                .params(coalitionId, me.id())
                .update();
    }

    private void takeInvitation(CurrentCoordinator me, UUID coalitionId) {
        int taken = jdbc.sql("delete from coalition_invitation where coalition_id = ? and email = ?")
                .params(coalitionId, Accounts.normalise(me.email()))
                .update();
        if (taken == 0) {
            throw Problems.notFound("No invitation of coalition " + coalitionId + ".");
        }
    }

    /** Addresses invited and not yet joined, to the coalition's members. */
    public record Pending(String email, Instant invitedAt) {}

    @Transactional(readOnly = true)
    List<Pending> pending(CurrentCoordinator me, UUID coalitionId) {
        requireMember(me, coalitionId);
        return jdbc.sql("""
                        select i.email, i.invited_at from coalition_invitation i
                        where i.coalition_id = ? and not exists (select 1 from coalition_member m
                            join coordinator c on c.id = m.coordinator_id
                            where m.coalition_id = i.coalition_id and c.email = i.email)
                        order by i.invited_at, i.email""").param(coalitionId).query(Pending.class).list();
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
