package org.chorus.distribution.statements;

import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.chorus.events.ErratumAdded;
import org.chorus.events.ScheduleSet;
import org.chorus.events.StatementClosed;
import org.chorus.events.StatementOpened;
import org.chorus.events.StatementPublished;
import org.chorus.events.StatementRevised;
import org.chorus.events.StatementWithdrawn;
import org.chorus.events.TranslationUpdated;
import org.chorus.platform.inbox.Inbox;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The text of each statement as it was opened for signature, as releases quote it. */
@Service
public class StatementCopies {
    private final JdbcClient jdbc;
    private final Inbox inbox;
    private final ApplicationEventPublisher events;

    StatementCopies(JdbcClient jdbc, Inbox inbox, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.inbox = inbox;
        this.events = events;
    }

    /** The statement's embargo and time zone changed; published in the transaction that stored them. */
    public record ScheduleChanged(UUID statementId) {}

    /** The statement's embargo (null: none) and the zone its times are shown in. */
    public record Schedule(Instant embargoUntil, ZoneId timeZone) {}

    /** {@code status}: OPEN, CLOSED, PUBLISHED or WITHDRAWN. */
    public record StatementCopy(
            UUID id, String title, String language, String text, String contentHash, int revision, String status) {

        public boolean published() {
            return status.equals("PUBLISHED");
        }
    }

    /** The statement was withdrawn; published in the transaction that recorded it. */
    public record Withdrawn(UUID statementId, String reason) {}

    public record Translation(String language, String title, String text) {}

    @Transactional
    void opened(UUID eventId, StatementOpened opened) {
        if (!inbox.firstDelivery(eventId)) {
            return;
        }
        jdbc.sql("""
                        insert into statement_copy (id, title, language, text, content_hash, revision)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (id) do update
                        set title = excluded.title, language = excluded.language, text = excluded.text,
                            content_hash = excluded.content_hash, revision = excluded.revision
                        where statement_copy.revision <= excluded.revision""")
                .params(
                        opened.statementId(),
                        opened.title(),
                        opened.language(),
                        opened.text(),
                        opened.contentHash(),
                        opened.revision())
                .update();
    }

    /**
     * A revision after opening (editorial or material) replaces the copy's title and text, so a release sends the text
     * that was published; an older or repeated revision changes nothing.
     */
    @Transactional
    void revised(UUID eventId, StatementRevised revised) {
        if (!inbox.firstDelivery(eventId)) {
            return;
        }
        jdbc.sql("""
                        update statement_copy set title = ?, text = ?, content_hash = ?, revision = ?
                        where id = ? and revision < ?""")
                .params(
                        revised.title(),
                        revised.text(),
                        revised.contentHash(),
                        revised.revision(),
                        revised.statementId(),
                        revised.revision())
                .update();
    }

    /** Keeps the latest FINAL translation per language; drafts and reviewed versions are not sent. */
    @Transactional
    void translated(UUID eventId, TranslationUpdated translation) {
        if (!inbox.firstDelivery(eventId) || !"FINAL".equals(translation.status()) || translation.language() == null) {
            return;
        }
        jdbc.sql("""
                        insert into statement_translation (statement_id, language, title, text, source_revision)
                        values (?, ?, ?, ?, ?)
                        on conflict (statement_id, language) do update
                        set title = excluded.title, text = excluded.text, source_revision = excluded.source_revision
                        where statement_translation.source_revision <= excluded.source_revision""")
                .params(
                        translation.statementId(),
                        translation.language().toLowerCase(Locale.ROOT),
                        translation.title(),
                        translation.text(),
                        translation.sourceRevision())
                .update();
    }

    @Transactional
    void scheduled(UUID eventId, ScheduleSet schedule) {
        if (!inbox.firstDelivery(eventId)) {
            return;
        }
        jdbc.sql("""
                        insert into statement_schedule (statement_id, time_zone, embargo_until) values (?, ?, ?)
                        on conflict (statement_id) do update
                        set time_zone = coalesce(excluded.time_zone, statement_schedule.time_zone),
                            embargo_until = excluded.embargo_until""")
                .params(
                        schedule.statementId(),
                        validZone(schedule.timeZone()),
                        schedule.embargoUntil() == null ? null : Timestamp.from(schedule.embargoUntil()))
                .update();
        events.publishEvent(new ScheduleChanged(schedule.statementId()));
    }

    @Transactional
    void closed(UUID eventId, StatementClosed closed, Instant signOnEndedAt) {
        if (inbox.firstDelivery(eventId)) {
            moveTo(closed.statementId(), "CLOSED");
            signOnEnded(closed.statementId(), signOnEndedAt);
        }
    }

    @Transactional
    void published(UUID eventId, StatementPublished published, Instant signOnEndedAt) {
        if (!inbox.firstDelivery(eventId)) {
            return;
        }
        signOnEnded(published.statementId(), signOnEndedAt);
        jdbc.sql("update statement_copy set published_revision = ? where id = ? and status <> 'WITHDRAWN'")
                .params(published.revision(), published.statementId())
                .update();
        moveTo(published.statementId(), "PUBLISHED");
    }

    /** Records the withdrawal and lets releases not yet sent stop, in the same transaction. */
    @Transactional
    void withdrawn(UUID eventId, StatementWithdrawn withdrawn, Instant signOnEndedAt) {
        if (!inbox.firstDelivery(eventId)) {
            return;
        }
        signOnEnded(withdrawn.statementId(), signOnEndedAt);
        if (moveTo(withdrawn.statementId(), "WITHDRAWN")) {
            events.publishEvent(new Withdrawn(withdrawn.statementId(), withdrawn.reason()));
        }
    }

    /** Of the moments sign-on ended that lifecycle events name, the earliest stays. */
    private void signOnEnded(UUID statementId, Instant at) {
        jdbc.sql("""
                        update statement_copy set sign_on_ended_at = least(coalesce(sign_on_ended_at, ?), ?)
                        where id = ?""")
                .params(Timestamp.from(at), Timestamp.from(at), statementId)
                .update();
    }

    /**
     * Whether the statement was withdrawn, read under a share lock held until the caller's transaction ends: a
     * withdrawal consumed meanwhile waits for it, and then cancels what that transaction planned.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public boolean withdrawnForMail(String statementId) {
        UUID id;
        try {
            id = statementId == null ? null : UUID.fromString(statementId);
        } catch (IllegalArgumentException notAStatement) {
            return false;
        }
        return id != null
                && jdbc.sql("select status = 'WITHDRAWN' from statement_copy where id = ? for share")
                        .param(id)
                        .query(Boolean.class)
                        .optional()
                        .orElse(false);
    }

    /** Moves the statement forward in its lifecycle; false if it is unknown or already there or further. */
    private boolean moveTo(UUID statementId, String status) {
        return jdbc.sql("""
                                update statement_copy set status = ?
                                where id = ?
                                  and array_position(array['OPEN', 'CLOSED', 'PUBLISHED', 'WITHDRAWN'], status)
                                      < array_position(array['OPEN', 'CLOSED', 'PUBLISHED', 'WITHDRAWN'], ?)""").params(status, statementId, status).update() == 1;
    }

    /** One erratum of a published statement, as statements announced it. */
    public record Erratum(int number, String text, Instant addedAt) {}

    /** Keeps an erratum added to the statement (a repeat changes nothing); releases sent after it print the log. */
    @Transactional
    void erratum(UUID eventId, ErratumAdded erratum) {
        if (!inbox.firstDelivery(eventId)) {
            return;
        }
        jdbc.sql("""
                        insert into statement_erratum (statement_id, number, text, added_at) values (?, ?, ?, ?)
                        on conflict (statement_id, number) do nothing""")
                .params(erratum.statementId(), erratum.number(), erratum.text(), Timestamp.from(erratum.addedAt()))
                .update();
    }

    /** The statement's errata, oldest first. */
    @Transactional(readOnly = true)
    public List<Erratum> errata(UUID statementId) {
        return jdbc.sql("select number, text, added_at from statement_erratum where statement_id = ? order by number")
                .param(statementId)
                .query((rs, row) -> new Erratum(
                        rs.getInt("number"),
                        rs.getString("text"),
                        rs.getTimestamp("added_at").toInstant()))
                .list();
    }

    /** The final translation into {@code language}, if there is one. */
    @Transactional(readOnly = true)
    public Optional<Translation> translation(UUID statementId, String language) {
        if (language == null) {
            return Optional.empty();
        }
        return jdbc.sql(
                        "select language, title, text from statement_translation where statement_id = ? and language = ?")
                .params(statementId, language)
                .query(Translation.class)
                .optional();
    }

    /** The statement's planned embargo and time zone as the last ScheduleSet gave them. */
    @Transactional(readOnly = true)
    public Schedule schedule(UUID statementId) {
        List<Timestamp> until = jdbc.sql("select embargo_until from statement_schedule where statement_id = ?")
                .param(statementId)
                .query((rs, row) -> rs.getTimestamp("embargo_until"))
                .list();
        return new Schedule(
                until.isEmpty() || until.get(0) == null ? null : until.get(0).toInstant(), timeZone(statementId));
    }

    /** The zone the coordinator chose for the statement's times; UTC if none. */
    @Transactional(readOnly = true)
    public ZoneId timeZone(UUID statementId) {
        return jdbc.sql("select time_zone from statement_schedule where statement_id = ? and time_zone is not null")
                .param(statementId)
                .query(String.class)
                .optional()
                .map(ZoneId::of)
                .orElse(ZoneOffset.UTC);
    }

    private static String validZone(String zone) {
        try {
            return zone == null ? null : ZoneId.of(zone).getId();
        } catch (DateTimeException e) {
            return null;
        }
    }

    @Transactional(readOnly = true)
    public Optional<StatementCopy> find(UUID id) {
        return jdbc.sql(
                        "select id, title, language, text, content_hash, revision, status from statement_copy where id = ?")
                .param(id)
                .query(StatementCopy.class)
                .optional();
    }

    /**
     * The statement, read under a share lock held until the caller's transaction ends: a withdrawal consumed meanwhile
     * waits for it, and then sees (and stops) the release that transaction created.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public Optional<StatementCopy> findForRelease(UUID id) {
        return jdbc.sql("""
                        select id, title, language, text, content_hash, revision, status from statement_copy
                        where id = ? for share""").param(id).query(StatementCopy.class).optional();
    }
}
