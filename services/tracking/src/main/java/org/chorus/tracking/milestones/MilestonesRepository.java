package org.chorus.tracking.milestones;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MilestonesRepository {
    private final JdbcClient jdbc;

    MilestonesRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Schedule(Instant deadline, Integer signatureTarget, Instant ended) {}

    /** Statements whose target or deadline milestones are not all decided yet. */
    List<UUID> statementsWithOpenMilestones() {
        return jdbc.sql("""
                        select statement_id from schedule s
                        where (s.signature_target is not null and not exists (select 1 from milestone m
                                 where m.statement_id = s.statement_id and m.kind = 'TARGET_REACHED'
                                   and m.detail = s.signature_target))
                           or (s.deadline is not null and not exists (select 1 from milestone m
                                 where m.statement_id = s.statement_id and m.kind = 'DEADLINE_PASSED'))""").query(UUID.class).list();
    }

    /** Serialises evaluators of one statement (several instances, or a test next to the scheduler). */
    void lock(UUID statementId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 6))")
                .param(statementId.toString())
                .query((rs, row) -> 1)
                .list();
    }

    Optional<Schedule> schedule(UUID statementId) {
        return jdbc.sql("""
                        select s.deadline, s.signature_target, e.ended_at as ended from schedule s
                        left join statement_end e on e.statement_id = s.statement_id
                        where s.statement_id = ?""").param(statementId).query(Schedule.class).optional();
    }

    Optional<Instant> ended(UUID statementId) {
        return jdbc.sql("select ended_at from statement_end where statement_id = ?")
                .param(statementId)
                .query(Instant.class)
                .optional();
    }

    Set<MilestoneRules.Key> decided(UUID statementId) {
        return new HashSet<>(jdbc.sql("select kind, detail from milestone where statement_id = ?")
                .param(statementId)
                .query((rs, row) ->
                        new MilestoneRules.Key(MilestoneRules.Kind.valueOf(rs.getString("kind")), rs.getInt("detail")))
                .list());
    }

    /** True if this call recorded the milestone (and so may publish it). */
    boolean decide(UUID statementId, MilestoneRules.Decision decision, Instant now) {
        return jdbc.sql("""
                        insert into milestone (statement_id, kind, detail, decided_at, published)
                        values (?, ?, ?, ?, ?) on conflict do nothing""")
                        .params(
                                statementId,
                                decision.key().kind().name(),
                                decision.key().detail(),
                                Timestamp.from(now),
                                decision.publish())
                        .update()
                == 1;
    }

    Map<UUID, ReminderRules.Reminded> reminded(UUID statementId) {
        Map<UUID, ReminderRules.Reminded> reminded = new HashMap<>();
        jdbc.sql("""
                        select invitation_id, count(*) as reminders, max(triggered_at) as last from reminder
                        where statement_id = ? group by invitation_id""")
                .param(statementId)
                .query((rs, row) -> reminded.put(
                        rs.getObject("invitation_id", UUID.class),
                        new ReminderRules.Reminded(
                                rs.getInt("reminders"), rs.getTimestamp("last").toInstant())))
                .list();
        return reminded;
    }

    /** True if this call recorded the reminder (and so may publish it). */
    boolean remind(UUID reminderId, UUID statementId, ReminderRules.Due due, Instant now) {
        return jdbc.sql("""
                        insert into reminder (reminder_id, invitation_id, statement_id, number, triggered_at)
                        values (?, ?, ?, ?, ?) on conflict do nothing""")
                        .params(reminderId, due.invitationId(), statementId, due.number(), Timestamp.from(now))
                        .update()
                == 1;
    }
}
