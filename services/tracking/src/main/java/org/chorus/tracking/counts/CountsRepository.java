package org.chorus.tracking.counts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.chorus.events.ReconsentRequested;
import org.chorus.events.ScheduleSet;
import org.chorus.events.SignatureConfirmed;
import org.chorus.events.SignatureCorrected;
import org.chorus.events.SignatureReconfirmed;
import org.chorus.events.StatementOpened;
import org.chorus.events.Visibility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CountsRepository {
    /**
     * Signatures confirmed after sign-on ended: never counted. Sign-on ends at the moment a lifecycle event names or
     * at the statement's deadline, whichever comes first ({@link org.chorus.events.SignOnEnd}), so a passed deadline
     * ends it without any event. Applied when counting, not when the confirmation arrives, so a confirmation read
     * before the close (or the schedule) that ends it is left out as soon as that is read.
     */
    static final String AFTER_THE_END = "(exists (select 1 from statement_end e"
            + " where e.statement_id = s.statement_id and s.confirmed_at > e.ended_at)"
            + " or exists (select 1 from schedule d"
            + " where d.statement_id = s.statement_id and s.confirmed_at > d.deadline))";

    /** Signatures that still count: neither withdrawn, rejected nor merged into another, and confirmed in time. */
    static final String COUNTING =
            "not exists (select 1 from signature_removal removal where removal.signature_id = s.signature_id)"
                    + " and not " + AFTER_THE_END;

    /** The newest revision a signature agreed to: its confirmation or a later reconfirmation. */
    static final String EFFECTIVE_REVISION = "greatest(s.revision, coalesce((select max(r.revision)"
            + " from reconfirmation r where r.signature_id = s.signature_id), 0))";

    private final JdbcClient jdbc;

    CountsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many counting signatures one statement has with one combination of attributes. */
    record Tally(String kind, String country, String visibility, Integer wave, int revision, long signatures) {}

    record Removed(String reason, long signatures) {}

    record Schedule(Instant deadline, Integer signatureTarget, Instant embargoUntil, String timeZone) {}

    record Reconsent(int revision, String contentHash, Instant deadline) {}

    record Bucket(Instant start, long signatures) {}

    record Ended(String reason, Instant endedAt) {}

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
        Visibility visibility = confirmed.visibility() == null ? Visibility.PUBLIC : confirmed.visibility();
        jdbc.sql("""
                        insert into signature
                            (signature_id, statement_id, kind, country, revision, revision_hash, confirmed_at,
                             visibility, invitation_id, wave)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (signature_id) do nothing""")
                .params(
                        confirmed.signatureId(),
                        confirmed.statementId(),
                        confirmed.kind().name(),
                        confirmed.country(),
                        confirmed.revision(),
                        confirmed.revisionHash(),
                        Timestamp.from(confirmed.confirmedAt()),
                        visibility.name(),
                        confirmed.invitationId(),
                        confirmed.wave())
                .update();
    }

    /** Marks a signature as no longer counting; the first reason seen stays. Works before its confirmation too. */
    void remove(UUID signatureId, UUID statementId, String reason, Instant at) {
        jdbc.sql("""
                        insert into signature_removal (signature_id, statement_id, reason, removed_at)
                        values (?, ?, ?, ?) on conflict (signature_id) do nothing""")
                .params(signatureId, statementId, reason, Timestamp.from(at))
                .update();
    }

    void reconfirm(SignatureReconfirmed reconfirmed) {
        jdbc.sql("""
                        insert into reconfirmation (signature_id, statement_id, revision, revision_hash)
                        values (?, ?, ?, ?) on conflict do nothing""")
                .params(
                        reconfirmed.signatureId(),
                        reconfirmed.statementId(),
                        reconfirmed.revision(),
                        reconfirmed.revisionHash())
                .update();
    }

    /** A correction changes how the signature is counted (kind, country, visibility); names are not kept here. */
    void correct(SignatureCorrected corrected) {
        Visibility visibility = corrected.visibility() == null ? Visibility.PUBLIC : corrected.visibility();
        jdbc.sql("update signature set kind = ?, country = ?, visibility = ? where signature_id = ?")
                .params(corrected.kind().name(), corrected.country(), visibility.name(), corrected.signatureId())
                .update();
    }

    void reconsent(ReconsentRequested reconsent) {
        jdbc.sql("""
                        insert into reconsent (statement_id, revision, content_hash, deadline) values (?, ?, ?, ?)
                        on conflict (statement_id, revision) do update
                        set content_hash = excluded.content_hash, deadline = excluded.deadline""")
                .params(
                        reconsent.statementId(),
                        reconsent.revision(),
                        reconsent.contentHash(),
                        timestamp(reconsent.deadline()))
                .update();
    }

    /** Keeps the schedule of the latest ScheduleSet (by event time), whatever order they arrive in. */
    void schedule(ScheduleSet schedule, Instant setAt) {
        jdbc.sql("""
                        insert into schedule
                            (statement_id, deadline, signature_target, embargo_until, time_zone, set_at)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (statement_id) do update
                        set deadline = excluded.deadline, signature_target = excluded.signature_target,
                            embargo_until = excluded.embargo_until, time_zone = excluded.time_zone,
                            set_at = excluded.set_at
                        where excluded.set_at >= schedule.set_at""")
                .params(
                        schedule.statementId(),
                        timestamp(schedule.deadline()),
                        schedule.signatureTarget(),
                        timestamp(schedule.embargoUntil()),
                        schedule.timeZone(),
                        Timestamp.from(setAt))
                .update();
    }

    /**
     * Sign-on ended (closed or withdrawn) at the moment the lifecycle event names: the first reason seen stays, and
     * of several moments the earliest, in whatever order they arrive.
     */
    void ended(UUID statementId, String reason, Instant at) {
        jdbc.sql("""
                        insert into statement_end (statement_id, reason, ended_at) values (?, ?, ?)
                        on conflict (statement_id) do update set ended_at = excluded.ended_at
                        where excluded.ended_at < statement_end.ended_at""").params(statementId, reason, Timestamp.from(at)).update();
    }

    Optional<Ended> ended(UUID statementId) {
        return jdbc.sql("select reason, ended_at from statement_end where statement_id = ?")
                .param(statementId)
                .query(Ended.class)
                .optional();
    }

    Optional<String> title(UUID statementId) {
        return jdbc.sql("select title from statement where id = ?")
                .param(statementId)
                .query(String.class)
                .optional();
    }

    Optional<String> language(UUID statementId) {
        return jdbc.sql("select language from statement where id = ?")
                .param(statementId)
                .query(String.class)
                .optional();
    }

    /** Whether any event about the statement was seen. */
    boolean tracked(UUID statementId) {
        return jdbc.sql("""
                        select exists (select 1 from statement where id = :id)
                            or exists (select 1 from signature where statement_id = :id)
                            or exists (select 1 from schedule where statement_id = :id)
                            or exists (select 1 from invitation where statement_id = :id)""").param("id", statementId).query(Boolean.class).single();
    }

    List<Tally> tallies(UUID statementId) {
        return jdbc.sql("select s.kind, s.country, s.visibility, s.wave, " + EFFECTIVE_REVISION
                        + " as revision, count(*) as signatures from signature s where s.statement_id = ? and "
                        + COUNTING + " group by 1, 2, 3, 4, 5")
                .param(statementId)
                .query(Tally.class)
                .list();
    }

    /** Withdrawn, rejected and merged signatures, and (as AFTER_SIGN_ON_ENDED) those confirmed too late. */
    List<Removed> removed(UUID statementId) {
        List<Removed> removed = new java.util.ArrayList<>(
                jdbc.sql("""
                        select reason, count(*) as signatures from signature_removal
                        where statement_id = ? group by reason order by reason""").param(statementId).query(Removed.class).list());
        long late = jdbc.sql("select count(*) from signature s where s.statement_id = ? and " + AFTER_THE_END
                        + " and not exists (select 1 from signature_removal removal"
                        + " where removal.signature_id = s.signature_id)")
                .param(statementId)
                .query(Long.class)
                .single();
        if (late > 0) {
            removed.add(new Removed("AFTER_SIGN_ON_ENDED", late));
        }
        return removed;
    }

    Optional<Schedule> schedule(UUID statementId) {
        return jdbc.sql("""
                        select deadline, signature_target, embargo_until, time_zone from schedule
                        where statement_id = ?""").param(statementId).query(Schedule.class).optional();
    }

    Optional<Reconsent> reconsent(UUID statementId) {
        return jdbc.sql("""
                        select revision, content_hash, deadline from reconsent
                        where statement_id = ? order by revision desc limit 1""").param(statementId).query(Reconsent.class).optional();
    }

    /** Counting signatures per hour or day of their confirmation (UTC), oldest first. */
    List<Bucket> timeline(UUID statementId, String unit) {
        return jdbc.sql("select date_trunc('" + unit + "', s.confirmed_at, 'UTC') as start, count(*) as signatures"
                        + " from signature s where s.statement_id = ? and " + COUNTING
                        + " group by 1 order by 1")
                .param(statementId)
                .query(Bucket.class)
                .list();
    }

    /** Every statement seen, opened or only signed so far, newest opened first. */
    List<TrackedStatement> all() {
        return jdbc.sql("select coalesce(st.id, c.statement_id) as statement_id, st.title, st.language, st.revision,"
                        + " st.opened_at, coalesce(c.confirmed, 0) as confirmed from statement st full join"
                        + " (select s.statement_id, count(*) filter (where " + COUNTING + ") as confirmed"
                        + " from signature s group by s.statement_id) c on c.statement_id = st.id"
                        + " order by st.opened_at desc nulls last, statement_id")
                .query(TrackedStatement.class)
                .list();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
