package org.chorus.distribution.releases;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.chorus.distribution.contacts.Contacts;
import org.chorus.distribution.contacts.Segments;
import org.chorus.distribution.ledger.Ledger;
import org.chorus.distribution.signatories.Signatories;
import org.chorus.distribution.statements.StatementCopies;
import org.chorus.distribution.unsubscribe.Unsubscribes;
import org.chorus.events.EmbargoHeld;
import org.chorus.events.EventTypes;
import org.chorus.events.ReleaseCompleted;
import org.chorus.events.ReleasePublished;
import org.chorus.platform.outbox.Outbox;
import org.chorus.platform.text.HumanText;
import org.chorus.platform.text.SignatoryLines;
import org.chorus.platform.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sending a statement with its signatories to the mailable contacts of a list, one ledger row each, each recipient in
 * their language when a final translation exists. Under embargo, accredited contacts get an early copy marked as
 * embargoed and everyone else's row waits for the embargo time; a release whose embargo passed while the service could
 * not act is HELD for a coordinator's decision instead of going out late.
 */
@Service
class Releases {
    private static final Logger log = LoggerFactory.getLogger(Releases.class);

    private final JdbcClient jdbc;
    private final StatementCopies statements;
    private final Signatories signatories;
    private final Contacts contacts;
    private final Segments segments;
    private final Unsubscribes unsubscribes;
    private final Ledger ledger;
    private final Outbox outbox;
    private final Duration lateWindow;

    Releases(
            JdbcClient jdbc,
            StatementCopies statements,
            Signatories signatories,
            Contacts contacts,
            Segments segments,
            Unsubscribes unsubscribes,
            Ledger ledger,
            Outbox outbox,
            @Value("${chorus.releases.late-window-minutes:10}") long lateWindowMinutes) {
        this.jdbc = jdbc;
        this.statements = statements;
        this.signatories = signatories;
        this.contacts = contacts;
        this.segments = segments;
        this.unsubscribes = unsubscribes;
        this.ledger = ledger;
        this.outbox = outbox;
        this.lateWindow = Duration.ofMinutes(lateWindowMinutes);
    }

    record Release(
            UUID id,
            UUID statementId,
            String contentHash,
            int signatories,
            int recipients,
            Instant embargoUntil,
            String state,
            boolean embargoOverride) {}

    record Progress(
            UUID id,
            UUID statementId,
            String statementTitle,
            int recipients,
            Ledger.Counts deliveries,
            String state,
            Instant embargoUntil,
            boolean embargoOverride,
            Instant statementEmbargoUntil,
            String decision,
            String decidedBy,
            Instant decidedAt,
            Instant createdAt,
            Instant completedAt,
            Instant stoppedAt,
            String stoppedReason) {}

    /** What the embargo rule says at a given moment. */
    enum EmbargoStep {
        WAIT,
        FIRE,
        HOLD
    }

    /** The embargo rule: fire at the embargo time, or within the window after it; later than that, hold. */
    static EmbargoStep embargoStep(Instant embargoUntil, Instant now, Duration lateWindow) {
        if (now.isBefore(embargoUntil)) {
            return EmbargoStep.WAIT;
        }
        return now.isAfter(embargoUntil.plus(lateWindow)) ? EmbargoStep.HOLD : EmbargoStep.FIRE;
    }

    /**
     * Plans a release. Without {@code explicitEmbargo} it takes the statement's embargo (if that is still ahead) and
     * follows it; a coordinator's explicit embargo is kept as an override.
     */
    @Transactional
    Release publish(UUID statementId, UUID contactListId, UUID segmentId, Instant explicitEmbargo, Instant now) {
        StatementCopies.StatementCopy statement = publishedStatement(statementId);
        Contacts.ContactList list = contacts.find(contactListId)
                .orElseThrow(() -> Problems.notFound("No contact list " + contactListId + "."));
        if (list.contacts().isEmpty()) {
            throw Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "Contact list " + contactListId + " has no contacts.");
        }
        if (explicitEmbargo != null && !explicitEmbargo.isAfter(now)) {
            throw Problems.badRequest("The embargo time " + explicitEmbargo + " has already passed.");
        }
        boolean override = explicitEmbargo != null;
        StatementCopies.Schedule schedule = statements.schedule(statementId);
        Instant embargoUntil = override ? explicitEmbargo : ahead(schedule.embargoUntil(), now);
        List<Contacts.Contact> mailable =
                segmentId == null ? contacts.mailable(contactListId) : segments.mailable(contactListId, segmentId);
        if (mailable.isEmpty()) {
            throw Problems.of(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    (segmentId == null ? "Contact list " + contactListId : "Segment " + segmentId)
                            + " has no contacts that may be mailed: none match, or all unsubscribed, bounced or"
                            + " removed.");
        }
        List<SignatoryLines.Signatory> signed = signatories.of(statementId);
        long notNamed = signatories.notNamed(statementId);
        Release release = new Release(
                UUID.randomUUID(),
                statementId,
                statement.contentHash(),
                signed.size(),
                mailable.size(),
                embargoUntil,
                embargoUntil == null ? "SENDING" : "SCHEDULED",
                override);
        jdbc.sql("""
                        insert into release (id, statement_id, contact_list_id, segment_id, content_hash, signatories,
                                             recipients, embargo_until, state, embargo_override)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        release.id(),
                        statementId,
                        contactListId,
                        segmentId,
                        release.contentHash(),
                        release.signatories(),
                        release.recipients(),
                        embargoUntil == null ? null : Timestamp.from(embargoUntil),
                        release.state(),
                        override)
                .update();
        ReleaseMail.Embargo embargo =
                embargoUntil == null ? null : new ReleaseMail.Embargo(embargoUntil, schedule.timeZone());
        List<Ledger.Recipient> recipients = new ArrayList<>(mailable.size());
        List<String> unsubscribeUrls = unsubscribes.issueUrls(
                mailable.stream().map(Contacts.Contact::id).toList());
        record Reading(List<String> languages, boolean early) {}
        Map<Reading, ReleaseMail.Rendered> mails = new HashMap<>();
        for (int i = 0; i < mailable.size(); i++) {
            Contacts.Contact contact = mailable.get(i);
            boolean early = embargo != null && contact.accredited();
            String unsubscribeUrl = unsubscribeUrls.get(i);
            ReleaseMail.Rendered mail = mails.computeIfAbsent(
                    new Reading(contact.languages(), early),
                    reading -> ReleaseMail.renderBeforeLink(
                            text(statement, reading.languages()), signed, notNamed, reading.early() ? embargo : null));
            recipients.add(new Ledger.Recipient(
                    contact.id(),
                    new Ledger.Mail(contact.email(), contact.name(), mail.subject(), mail.body()),
                    mail.language(),
                    unsubscribeUrl,
                    early,
                    embargo == null || early ? null : embargoUntil));
        }
        ledger.planRelease(release.id(), statementId, recipients);
        outbox.append(
                EventTypes.RELEASE_PUBLISHED,
                statementId,
                statementId,
                new ReleasePublished(
                        release.id(), statementId, release.contentHash(), release.signatories(), release.recipients()));
        return release;
    }

    /**
     * The statement's schedule changed: every release that follows the statement's embargo and has not gone out takes
     * the new embargo and time zone (early copies not yet sent are marked again). A lifted or past embargo lets a
     * scheduled release go now; a held release stays held for a coordinator, unless the new embargo is still ahead.
     * Releases with a coordinator's own embargo keep it.
     */
    @Transactional
    int followSchedule(UUID statementId, Instant now) {
        record Following(UUID id, String state) {}
        StatementCopies.Schedule schedule = statements.schedule(statementId);
        Instant until = ahead(schedule.embargoUntil(), now);
        List<Following> following =
                jdbc.sql("""
                        select id, state from release
                        where statement_id = ? and not embargo_override and state in ('SCHEDULED', 'HELD')
                        order by created_at for update""").param(statementId).query(Following.class).list();
        int changed = 0;
        for (Following release : following) {
            if (until != null) {
                jdbc.sql("update release set embargo_until = ?, state = 'SCHEDULED' where id = ?")
                        .params(Timestamp.from(until), release.id())
                        .update();
                ledger.postponeEmbargoed(release.id(), until);
                remarkEarlyCopies(release.id(), new ReleaseMail.Embargo(until, schedule.timeZone()));
                changed++;
            } else if (release.state().equals("SCHEDULED")) {
                jdbc.sql("update release set embargo_until = ?, state = 'SENDING' where id = ?")
                        .params(
                                schedule.embargoUntil() == null ? null : Timestamp.from(schedule.embargoUntil()),
                                release.id())
                        .update();
                remarkEarlyCopies(release.id(), null);
                ledger.releaseEmbargoed(release.id());
                changed++;
            }
        }
        if (changed > 0) {
            log.info("{} releases of statement {} follow its new schedule", changed, statementId);
        }
        return changed;
    }

    private void remarkEarlyCopies(UUID releaseId, ReleaseMail.Embargo embargo) {
        for (Ledger.Planned copy : ledger.plannedEarlyCopies(releaseId)) {
            ReleaseMail.Rendered mail = ReleaseMail.remark(copy.language(), copy.subject(), copy.body(), embargo);
            ledger.rewritePlanned(copy, mail.subject(), mail.body(), embargo != null);
        }
    }

    private static Instant ahead(Instant embargo, Instant now) {
        return embargo != null && embargo.isAfter(now) ? embargo : null;
    }

    /** Exactly what one contact would receive for this statement now (the unsubscribe token is issued at sending). */
    @Transactional(readOnly = true)
    ReleaseMail.Rendered preview(UUID statementId, UUID contactId, Instant embargoUntil) {
        StatementCopies.StatementCopy statement = statement(statementId);
        Contacts.Contact contact =
                contacts.contact(contactId).orElseThrow(() -> Problems.notFound("No contact " + contactId + "."));
        boolean early = embargoUntil != null && contact.accredited();
        return ReleaseMail.render(
                text(statement, contact.languages()),
                signatories.of(statementId),
                signatories.notNamed(statementId),
                unsubscribes.urlFor("{token}"),
                early ? new ReleaseMail.Embargo(embargoUntil, statements.timeZone(statementId)) : null);
    }

    /** The mail as {@code language} readers would get it, for a test send to the coordinator. */
    @Transactional(readOnly = true)
    ReleaseMail.Rendered testMail(UUID statementId, String language) {
        StatementCopies.StatementCopy statement = statement(statementId);
        ReleaseMail.Rendered mail = ReleaseMail.render(
                text(statement, language == null ? List.of() : List.of(language)),
                signatories.of(statementId),
                signatories.notNamed(statementId),
                unsubscribes.urlFor("{token}"),
                null);
        return new ReleaseMail.Rendered(mail.language(), "[TEST] " + mail.subject(), mail.body());
    }

    @Transactional
    UUID testSend(UUID statementId, String language, String address) {
        publishedStatement(statementId);
        ReleaseMail.Rendered mail = testMail(statementId, language);
        UUID requestId = UUID.randomUUID();
        ledger.planRequested(
                requestId,
                "release-test",
                statementId.toString(),
                new Ledger.Mail(address, null, mail.subject(), mail.body()));
        return requestId;
    }

    /** Applies the embargo rule to one scheduled release at {@code now}; returns what it did. */
    @Transactional
    EmbargoStep fireOrHold(UUID releaseId, Instant now) {
        record Scheduled(UUID statementId, Instant embargoUntil) {}
        Optional<Scheduled> scheduled =
                jdbc.sql("""
                        select statement_id, embargo_until from release
                        where id = ? and state = 'SCHEDULED' for update skip locked""").param(releaseId).query(Scheduled.class).optional();
        if (scheduled.isEmpty()) {
            return EmbargoStep.WAIT;
        }
        EmbargoStep step = embargoStep(scheduled.get().embargoUntil(), now, lateWindow);
        if (step == EmbargoStep.FIRE) {
            jdbc.sql("update release set state = 'SENDING' where id = ?")
                    .param(releaseId)
                    .update();
            int released = ledger.releaseEmbargoed(releaseId);
            log.info("Embargo of release {} reached: {} mails go now", releaseId, released);
        } else if (step == EmbargoStep.HOLD) {
            jdbc.sql("update release set state = 'HELD' where id = ?")
                    .param(releaseId)
                    .update();
            outbox.append(
                    EventTypes.EMBARGO_HELD,
                    scheduled.get().statementId(),
                    scheduled.get().statementId(),
                    new EmbargoHeld(
                            releaseId,
                            scheduled.get().statementId(),
                            scheduled.get().embargoUntil()));
            log.warn(
                    "Embargo of release {} passed {} ago while nothing could be sent: held for a coordinator",
                    releaseId,
                    Duration.between(scheduled.get().embargoUntil(), now));
        }
        return step;
    }

    /** Scheduled releases whose embargo time has come by {@code now}. */
    @Transactional(readOnly = true)
    List<UUID> due(Instant now) {
        return jdbc.sql(
                        "select id from release where state = 'SCHEDULED' and embargo_until <= ? order by embargo_until")
                .param(Timestamp.from(now))
                .query(UUID.class)
                .list();
    }

    /** A coordinator's decision on a HELD release, recorded with who made it. */
    @Transactional
    Progress decide(UUID releaseId, boolean send, String decidedBy, Instant now) {
        decidedBy = HumanText.singleLine("decidedBy", decidedBy, 200);
        String state = jdbc.sql("select state from release where id = ? for update")
                .param(releaseId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> Problems.notFound("No release " + releaseId + "."));
        if (!state.equals("HELD")) {
            throw Problems.conflict(
                    "Release " + releaseId + " is " + state + ", not HELD: there is nothing to decide.");
        }
        if (send) {
            publishedStatement(jdbc.sql("select statement_id from release where id = ?")
                    .param(releaseId)
                    .query(UUID.class)
                    .single());
        }
        jdbc.sql("""
                        update release set state = ?, decision = ?, decided_by = ?, decided_at = ?
                        where id = ?""")
                .params(
                        send ? "SENDING" : "CANCELLED",
                        send ? "SEND" : "CANCEL",
                        decidedBy,
                        Timestamp.from(now),
                        releaseId)
                .update();
        if (send) {
            ledger.releaseEmbargoed(releaseId);
        } else {
            ledger.cancelUnsent(releaseId);
        }
        return progress(releaseId);
    }

    /**
     * The statement was withdrawn: its releases that have not finished are CANCELLED with the time and the statement's
     * reason recorded, and their mail that has not left stays unsent (mail already claimed is checked again right
     * before it leaves).
     */
    @Transactional
    int stopForWithdrawal(UUID statementId, String reason, Instant now) {
        List<UUID> stopped = jdbc.sql("""
                        update release r set state = 'CANCELLED', stopped_at = ?, stopped_reason = ?
                        where statement_id = ? and state in ('SCHEDULED', 'HELD', 'SENDING')
                          and exists (select 1 from delivery d
                                      where d.release_id = r.id and d.status in ('PLANNED', 'SENDING'))
                        returning id""")
                .params(
                        Timestamp.from(now),
                        "The statement was withdrawn" + (reason == null || reason.isBlank() ? "." : ": " + reason),
                        statementId)
                .query(UUID.class)
                .list();
        int cancelled = 0;
        for (UUID release : stopped) {
            cancelled += ledger.cancelUnsent(release);
        }
        if (!stopped.isEmpty()) {
            log.info(
                    "Statement {} was withdrawn: {} releases stopped, {} mails not sent",
                    statementId,
                    stopped.size(),
                    cancelled);
        }
        return stopped.size();
    }

    /** Marks releases with no row left to send as SENT (completed), and says so once. */
    @Transactional
    int completeFinished(Instant now) {
        record Finished(UUID id, UUID statementId) {}
        List<Finished> finished =
                jdbc.sql("""
                        update release r set completed_at = ?, state = 'SENT'
                        where state = 'SENDING' and completed_at is null
                          and not exists (select 1 from delivery d
                                          where d.release_id = r.id and d.status in ('PLANNED', 'SENDING'))
                        returning id, statement_id""").param(Timestamp.from(now)).query(Finished.class).list();
        for (Finished release : finished) {
            Ledger.Counts counts = ledger.countsForRelease(release.id());
            outbox.append(
                    EventTypes.RELEASE_COMPLETED,
                    release.statementId(),
                    release.statementId(),
                    new ReleaseCompleted(release.id(), release.statementId(), counts.sent(), counts.failed()));
        }
        return finished.size();
    }

    @Transactional(readOnly = true)
    Progress progress(UUID id) {
        return jdbc.sql("""
                        select r.id, r.statement_id, s.title, r.recipients, r.state, r.embargo_until,
                               r.embargo_override, p.embargo_until as statement_embargo_until, r.decision,
                               r.decided_by, r.decided_at, r.created_at, r.completed_at, r.stopped_at, r.stopped_reason
                        from release r join statement_copy s on s.id = r.statement_id
                             left join statement_schedule p on p.statement_id = r.statement_id
                        where r.id = ?""")
                .param(id)
                .query((rs, row) -> new Progress(
                        rs.getObject("id", UUID.class),
                        rs.getObject("statement_id", UUID.class),
                        rs.getString("title"),
                        rs.getInt("recipients"),
                        ledger.countsForRelease(id),
                        rs.getString("state"),
                        instant(rs.getTimestamp("embargo_until")),
                        rs.getBoolean("embargo_override"),
                        instant(rs.getTimestamp("statement_embargo_until")),
                        rs.getString("decision"),
                        rs.getString("decided_by"),
                        instant(rs.getTimestamp("decided_at")),
                        instant(rs.getTimestamp("created_at")),
                        instant(rs.getTimestamp("completed_at")),
                        instant(rs.getTimestamp("stopped_at")),
                        rs.getString("stopped_reason")))
                .optional()
                .orElseThrow(() -> Problems.notFound("No release " + id + "."));
    }

    /** The most recent releases of the statements {@code readable} lets through, newest first, with their progress. */
    @Transactional(readOnly = true)
    List<Progress> recent(int limit, Predicate<UUID> readable) {
        record Listed(UUID id, UUID statementId) {}
        return jdbc
                .sql("select id, statement_id from release order by created_at desc, id")
                .query(Listed.class)
                .list()
                .stream()
                .filter(release -> readable.test(release.statementId()))
                .limit(limit)
                .map(release -> progress(release.id()))
                .toList();
    }

    private StatementCopies.StatementCopy statement(UUID statementId) {
        return statements
                .find(statementId)
                .orElseThrow(() -> Problems.notFound("No statement " + statementId + " is known to distribution."));
    }

    /** The statement, if it may be released to the press: only once it is published, never after a withdrawal. */
    private StatementCopies.StatementCopy publishedStatement(UUID statementId) {
        StatementCopies.StatementCopy statement = statements
                .findForRelease(statementId)
                .orElseThrow(() -> Problems.notFound("No statement " + statementId + " is known to distribution."));
        if (!statement.published()) {
            String title = "\u201c" + statement.title() + "\u201d";
            throw Problems.conflict(
                    switch (statement.status()) {
                        case "WITHDRAWN" -> "The statement " + title + " was withdrawn; it can no longer be released.";
                        case "CLOSED" ->
                            "The statement " + title + " is closed for signature but not published yet. Only a"
                                    + " published statement can be released to the press: publish it first.";
                        default ->
                            "The statement " + title + " is still open for signature. Only a published statement"
                                    + " can be released to the press: close and publish it first.";
                    });
        }
        return statement;
    }

    /** The first of the reader's languages the release has (the statement's or a final translation), else the statement's. */
    private ReleaseMail.Text text(StatementCopies.StatementCopy statement, List<String> languages) {
        List<ReleaseMail.Erratum> errata = statements.errata(statement.id()).stream()
                .map(erratum -> new ReleaseMail.Erratum(erratum.number(), erratum.text(), erratum.addedAt()))
                .toList();
        ZoneId zone = statements.timeZone(statement.id());
        ReleaseMail.Text original =
                new ReleaseMail.Text(statement.language(), statement.title(), statement.text(), errata, zone);
        for (String language : languages) {
            if (language.equals(statement.language())) {
                return original;
            }
            Optional<StatementCopies.Translation> translation = statements.translation(statement.id(), language);
            if (translation.isPresent()) {
                return new ReleaseMail.Text(
                        translation.get().language(),
                        translation.get().title(),
                        translation.get().text(),
                        errata,
                        zone);
            }
        }
        return original;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
