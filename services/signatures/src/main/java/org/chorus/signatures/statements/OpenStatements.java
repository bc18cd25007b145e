package org.chorus.signatures.statements;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.chorus.events.ScheduleSet;
import org.chorus.events.StatementClosed;
import org.chorus.events.StatementOpened;
import org.chorus.events.StatementPublished;
import org.chorus.events.StatementRevised;
import org.chorus.events.StatementWithdrawn;
import org.chorus.events.TranslationUpdated;
import org.chorus.platform.inbox.Inbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The statements this service accepts signatures for, as learnt from chorus.statements. */
@Service
public class OpenStatements {
    private final JdbcClient jdbc;
    private final Inbox inbox;

    OpenStatements(JdbcClient jdbc, Inbox inbox) {
        this.jdbc = jdbc;
        this.inbox = inbox;
    }

    @Transactional
    void opened(UUID eventId, Instant at, StatementOpened event) {
        if (!inbox.firstDelivery(eventId)) {
            return;
        }
        jdbc.sql("""
                        insert into statement (id, title, language, revision, text, content_hash, opened_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (id) do update set title = excluded.title, language = excluded.language,
                            revision = excluded.revision, text = excluded.text, content_hash = excluded.content_hash
                        where statement.revision < excluded.revision""")
                .params(
                        event.statementId(),
                        event.title(),
                        event.language(),
                        event.revision(),
                        event.text(),
                        event.contentHash(),
                        Timestamp.from(at))
                .update();
    }

    /**
     * Keeps the copy at the statement's newest revision (title, text and hash); true when this revision is newer than
     * the copy, false for a repeat, an older revision, or a statement never opened here. Runs in the caller's
     * transaction, after its inbox check.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean revised(StatementRevised event) {
        return jdbc.sql("""
                                update statement set title = ?, revision = ?, text = ?, content_hash = ?
                                where id = ? and revision < ?""")
                        .params(
                                event.title(),
                                event.revision(),
                                event.text(),
                                event.contentHash(),
                                event.statementId(),
                                event.revision())
                        .update()
                == 1;
    }

    @Transactional
    void published(UUID eventId, Instant at, StatementPublished event, Instant signOnEndedAt) {
        if (!inbox.firstDelivery(eventId)) {
            return;
        }
        jdbc.sql("update statement set published_at = ? where id = ? and published_at is null")
                .params(Timestamp.from(at), event.statementId())
                .update();
        signOnEnded(event.statementId(), signOnEndedAt);
    }

    /** Sign-on ended at the moment the statement's close names (the earliest end seen stays). */
    @Transactional
    void closed(UUID eventId, StatementClosed event, Instant signOnEndedAt) {
        if (inbox.firstDelivery(eventId)) {
            signOnEnded(event.statementId(), signOnEndedAt);
        }
    }

    /** Withdrawn: nothing more is signed, confirmed, reminded or invited for it. */
    @Transactional
    void withdrawn(UUID eventId, Instant at, StatementWithdrawn event, Instant signOnEndedAt) {
        if (!inbox.firstDelivery(eventId)) {
            return;
        }
        jdbc.sql("update statement set withdrawn_at = ? where id = ? and withdrawn_at is null")
                .params(Timestamp.from(at), event.statementId())
                .update();
        signOnEnded(event.statementId(), signOnEndedAt);
    }

    /** The deadline of the latest schedule: once it passes nothing more is signed or confirmed. */
    @Transactional
    void scheduled(UUID eventId, ScheduleSet schedule) {
        if (inbox.firstDelivery(eventId)) {
            jdbc.sql("""
                            insert into statement_deadline (statement_id, deadline, time_zone) values (?, ?, ?)
                            on conflict (statement_id) do update
                            set deadline = excluded.deadline, time_zone = excluded.time_zone""")
                    .params(
                            schedule.statementId(),
                            schedule.deadline() == null ? null : Timestamp.from(schedule.deadline()),
                            schedule.timeZone())
                    .update();
        }
    }

    /**
     * Keeps the latest save of each translation (a repeat, or an older source revision, changes nothing), whatever its
     * status: {@link #textIn} decides whether signers read it.
     */
    @Transactional
    void translated(UUID eventId, TranslationUpdated translation) {
        if (!inbox.firstDelivery(eventId) || translation.language() == null) {
            return;
        }
        jdbc.sql("""
                        insert into statement_translation (statement_id, language, source_revision, status, title, text,
                                                           content_hash, stale)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (statement_id, language) do update set source_revision = excluded.source_revision,
                            status = excluded.status, title = excluded.title, text = excluded.text,
                            content_hash = excluded.content_hash, stale = excluded.stale
                        where statement_translation.source_revision <= excluded.source_revision""")
                .params(
                        translation.statementId(),
                        translation.language().toLowerCase(Locale.ROOT),
                        translation.sourceRevision(),
                        translation.status(),
                        translation.title(),
                        translation.text(),
                        translation.contentHash(),
                        translation.stale())
                .update();
    }

    /**
     * What a signer who chose {@code language} reads: the statement's FINAL translation into it, unless a material
     * revision made it stale (or it translates a revision not yet known here); else the primary text.
     */
    public StatementText textIn(OpenStatement statement, String language) {
        if (language == null || language.isBlank() || language.equalsIgnoreCase(statement.language())) {
            return StatementText.primary(statement);
        }
        return jdbc.sql("""
                        select language, title, text, content_hash from statement_translation
                        where statement_id = ? and language = ? and status = 'FINAL' and not stale
                          and source_revision <= ?""")
                .params(statement.id(), language.toLowerCase(Locale.ROOT), statement.revision())
                .query((row, number) -> new StatementText(
                        row.getString(1),
                        row.getString(2),
                        row.getString(3),
                        row.getString(4),
                        statement.revision(),
                        true))
                .optional()
                .orElseGet(() -> StatementText.primary(statement));
    }

    /**
     * The text a signer read, found again by its fingerprint: the primary text or one of its current translations
     * ({@link #textIn}); empty when neither has that fingerprint any more (the text changed since the page was shown).
     */
    public Optional<StatementText> textWithHash(OpenStatement statement, String language, String contentHash) {
        if (contentHash == null || contentHash.isBlank()) {
            return Optional.empty();
        }
        StatementText read = textIn(statement, language);
        if (read.contentHash().equals(contentHash)) {
            return Optional.of(read);
        }
        StatementText primary = StatementText.primary(statement);
        return primary.contentHash().equals(contentHash) ? Optional.of(primary) : Optional.empty();
    }

    private void signOnEnded(UUID statementId, Instant at) {
        jdbc.sql("""
                        update statement set sign_on_ended_at = least(coalesce(sign_on_ended_at, ?), ?)
                        where id = ?""")
                .params(Timestamp.from(at), Timestamp.from(at), statementId)
                .update();
    }

    public Optional<OpenStatement> find(UUID id) {
        return jdbc.sql("""
                        select id, title, language, revision, text, content_hash, opened_at, published_at,
                               reconsent_deadline, reconsent_resolved, invite_only,
                               sign_on_ended_at, withdrawn_at,
                               (select deadline from statement_deadline where statement_id = id),
                               (select time_zone from statement_deadline where statement_id = id)
                        from statement where id = ?""").param(id).query(OpenStatements::row).optional();
    }

    /** Mapped by hand: this lookup runs on every sign-on, and mapping by reflection took a third of it. */
    private static OpenStatement row(ResultSet row, int number) throws SQLException {
        return new OpenStatement(
                row.getObject(1, UUID.class),
                row.getString(2),
                row.getString(3),
                row.getInt(4),
                row.getString(5),
                row.getString(6),
                instant(row.getTimestamp(7)),
                instant(row.getTimestamp(8)),
                instant(row.getTimestamp(9)),
                row.getString(10),
                row.getBoolean(11),
                instant(row.getTimestamp(12)),
                instant(row.getTimestamp(13)),
                instant(row.getTimestamp(14)),
                row.getString(15));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
