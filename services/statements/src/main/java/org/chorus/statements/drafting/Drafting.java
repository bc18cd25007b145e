package org.chorus.statements.drafting;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.chorus.events.ErratumAdded;
import org.chorus.events.EventTypes;
import org.chorus.events.ScheduleSet;
import org.chorus.events.StatementClosed;
import org.chorus.events.StatementDrafted;
import org.chorus.events.StatementOpened;
import org.chorus.events.StatementPublished;
import org.chorus.events.StatementRevised;
import org.chorus.events.StatementWithdrawn;
import org.chorus.platform.outbox.Outbox;
import org.chorus.platform.text.HumanText;
import org.chorus.platform.web.Problems;
import org.chorus.statements.accounts.Coalitions;
import org.chorus.statements.accounts.CurrentCoordinator;
import org.chorus.statements.drafting.Statement.Status;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Drafting a statement together and moving it through draft → open → closed → published, or withdrawn. */
@Service
class Drafting {
    private final StatementRepository statements;
    private final Access access;
    private final Outbox outbox;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Coalitions coalitions;

    Drafting(
            StatementRepository statements,
            Access access,
            Outbox outbox,
            ApplicationEventPublisher events,
            Clock clock,
            Coalitions coalitions) {
        this.coalitions = coalitions;
        this.statements = statements;
        this.access = access;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    record Details(String summary, String slug, String coalition, String pressContact) {
        static final Details NONE = new Details(null, null, null, null);

        /** The details as a person may enter them (HumanText): summary of several lines, the rest one line each. */
        Details normalised() {
            return new Details(
                    HumanText.multiLine("summary", summary, 2000),
                    HumanText.singleLine("slug", slug, 80),
                    HumanText.singleLine("coalition", coalition, 300),
                    HumanText.singleLine("pressContact", pressContact, 500));
        }
    }

    @Transactional
    StatementView create(CurrentCoordinator me, String title, String text, String language, Details details) {
        return create(me, title, text, language, details, null);
    }

    /** A new statement of {@code coalitionId} (one of the caller's), or of the caller's first coalition when null. */
    @Transactional
    StatementView create(
            CurrentCoordinator me, String title, String text, String language, Details details, UUID coalitionId) {
        UUID coalition = coalitions.forNewStatement(me, coalitionId);
        title = HumanText.singleLine("title", title, 300);
        String body = lines(text);
        details = details.normalised();
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        String slug = details.slug() == null || details.slug().isBlank() ? slugOf(title, id) : details.slug();
        if (statements.slugTaken(slug, id)) {
            throw FieldProblems.invalid("slug", "The slug '" + slug + "' is taken by another statement.");
        }
        Statement statement = new Statement(
                id,
                title,
                orEmpty(details.summary()),
                language,
                slug,
                orEmpty(details.coalition()),
                orEmpty(details.pressContact()),
                Status.DRAFT,
                1,
                now,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        Revision revision = new Revision(id, 1, title, body, Revision.contentHash(title, body), now, me.id(), true);
        statements.insert(statement, coalition);
        statements.insert(revision);
        statements.putMember(id, me.id(), Role.OWNER);
        outbox.append(
                EventTypes.STATEMENT_DRAFTED,
                id,
                id,
                new StatementDrafted(id, title, language, 1, revision.contentHash()));
        return StatementView.of(statement, revision, Role.OWNER);
    }

    @Transactional
    StatementView revise(CurrentCoordinator me, UUID id, String title, String text, boolean material) {
        title = HumanText.singleLine("title", title, 300);
        String body = lines(text);
        Role role = access.require(id, me, Role.EDITOR).role();
        Statement statement = locked(id);
        switch (statement.status()) {
            case DRAFT, OPEN -> {}
            case CLOSED ->
                throw Problems.conflict(
                        "Statement " + id + " is closed for signature: its text is final. Publish or withdraw it.");
            case PUBLISHED ->
                throw Problems.conflict(
                        "Statement " + id + " is published: its text can no longer change. Add an erratum instead.");
            case WITHDRAWN ->
                throw Problems.conflict("Statement " + id + " is withdrawn: its text can no longer change.");
        }
        Revision revision = new Revision(
                id,
                statement.currentRevision() + 1,
                title,
                body,
                Revision.contentHash(title, body),
                clock.instant(),
                me.id(),
                material);
        Statement revised = statement.revised(title, revision.number());
        statements.insert(revision);
        statements.update(revised);
        outbox.append(
                EventTypes.STATEMENT_REVISED,
                id,
                id,
                new StatementRevised(id, revision.number(), title, body, revision.contentHash(), material));
        if (material) {
            events.publishEvent(new MaterialRevisionSaved(id, revision.number()));
        }
        return StatementView.of(revised, revision, role);
    }

    @Transactional
    StatementView details(CurrentCoordinator me, UUID id, Details details) {
        details = details.normalised();
        Role role = access.require(id, me, Role.EDITOR).role();
        Statement statement = locked(id);
        String slug = details.slug() == null || details.slug().isBlank() ? statement.slug() : details.slug();
        if (statements.slugTaken(slug, id)) {
            throw FieldProblems.invalid("slug", "The slug '" + slug + "' is taken by another statement.");
        }
        Statement changed = statement.details(
                details.summary() == null ? statement.summary() : details.summary(),
                slug,
                details.coalition() == null ? statement.coalition() : details.coalition(),
                details.pressContact() == null ? statement.pressContact() : details.pressContact());
        statements.update(changed);
        return StatementView.of(changed, current(changed), role);
    }

    @Transactional
    StatementView open(CurrentCoordinator me, UUID id) {
        Role role = access.require(id, me, Role.OWNER).role();
        Statement statement = locked(id);
        if (statement.status() != Status.DRAFT) {
            throw Problems.conflict("Statement " + id + " is already " + describe(statement.status())
                    + "; only a draft can be opened for signature.");
        }
        Revision revision = current(statement);
        if (revision.body().isBlank()) {
            throw Problems.conflict("Statement " + id + " has no text in its primary language yet.");
        }
        Statement opened = statement.moved(Status.OPEN, clock.instant(), null);
        statements.update(opened);
        outbox.append(
                EventTypes.STATEMENT_OPENED,
                id,
                id,
                new StatementOpened(
                        id,
                        revision.title(),
                        opened.language(),
                        revision.number(),
                        revision.body(),
                        revision.contentHash()));
        return StatementView.of(opened, revision, role);
    }

    @Transactional
    StatementView close(CurrentCoordinator me, UUID id) {
        Role role = access.require(id, me, Role.OWNER).role();
        Statement statement = locked(id);
        if (statement.status() != Status.OPEN) {
            throw Problems.conflict("Statement " + id + " is " + describe(statement.status())
                    + "; only a statement open for signature can be closed.");
        }
        Statement closed = statement.moved(Status.CLOSED, lifecycleNow(), null);
        statements.update(closed);
        Revision revision = current(closed);
        outbox.append(
                EventTypes.STATEMENT_CLOSED,
                id,
                id,
                new StatementClosed(id, revision.number(), revision.contentHash(), closed.closedAt()));
        return StatementView.of(closed, revision, role);
    }

    @Transactional
    StatementView publish(CurrentCoordinator me, UUID id, boolean confirm) {
        Role role = access.require(id, me, Role.OWNER).role();
        Statement statement = locked(id);
        Instant now = lifecycleNow();
        Revision revision = current(statement);
        switch (statement.status()) {
            case CLOSED -> {}
            case OPEN -> {
                if (!confirm) {
                    throw Problems.conflict("Statement " + id + " is still open for signature. Close it first, or"
                            + " confirm publishing now with {\"confirm\":true}.");
                }
                statement = statement.moved(Status.CLOSED, now, null);
                outbox.append(
                        EventTypes.STATEMENT_CLOSED,
                        id,
                        id,
                        new StatementClosed(id, revision.number(), revision.contentHash(), statement.closedAt()));
            }
            default ->
                throw Problems.conflict("Statement " + id + " is " + describe(statement.status())
                        + "; only a statement that was open for signature can be published.");
        }
        Statement published = statement.moved(Status.PUBLISHED, now, null);
        statements.update(published);
        outbox.append(
                EventTypes.STATEMENT_PUBLISHED,
                id,
                id,
                new StatementPublished(id, revision.number(), revision.contentHash(), published.closedAt()));
        return StatementView.of(published, revision, role);
    }

    @Transactional
    StatementView withdraw(CurrentCoordinator me, UUID id, String reason) {
        reason = HumanText.multiLine("reason", reason, 2000);
        Role role = access.require(id, me, Role.OWNER).role();
        Statement statement = locked(id);
        if (statement.status() == Status.WITHDRAWN) {
            throw Problems.conflict("Statement " + id + " is already withdrawn.");
        }
        Statement withdrawn = statement.moved(Status.WITHDRAWN, lifecycleNow(), reason);
        statements.update(withdrawn);
        Instant signOnEndedAt =
                withdrawn.closedAt() != null ? withdrawn.closedAt() : withdrawn.signOnEndingAt(withdrawn.withdrawnAt());
        outbox.append(EventTypes.STATEMENT_WITHDRAWN, id, id, new StatementWithdrawn(id, reason, signOnEndedAt));
        return StatementView.of(withdrawn, current(withdrawn), role);
    }

    @Transactional
    StatementView schedule(CurrentCoordinator me, UUID id, Schedule schedule) {
        Role role = access.require(id, me, Role.OWNER).role();
        Statement statement = locked(id);
        if (statement.status() == Status.PUBLISHED || statement.status() == Status.WITHDRAWN) {
            throw Problems.conflict(
                    "Statement " + id + " is " + describe(statement.status()) + "; its schedule can no longer change.");
        }
        Statement scheduled = statement.scheduled(schedule);
        statements.update(scheduled);
        outbox.append(
                EventTypes.SCHEDULE_SET,
                id,
                id,
                new ScheduleSet(
                        id,
                        schedule.deadline(),
                        schedule.signatureTarget(),
                        schedule.embargoUntil(),
                        schedule.timeZone().getId()));
        return StatementView.of(scheduled, current(scheduled), role);
    }

    @Transactional
    List<StatementRepository.Erratum> addErratum(CurrentCoordinator me, UUID id, String text) {
        text = HumanText.multiLine("text", text, 10_000);
        access.require(id, me, Role.EDITOR);
        Statement statement = locked(id);
        if (statement.status() != Status.PUBLISHED) {
            throw Problems.conflict("Statement " + id + " is " + describe(statement.status())
                    + "; errata are for published statements. Save a revision instead.");
        }
        statements.insertErratum(id, text, me.id(), clock.instant());
        List<StatementRepository.Erratum> errata = statements.errata(id);
        StatementRepository.Erratum added = errata.get(errata.size() - 1);
        // releases sent from now on carry the errata log (distribution keeps it)
        outbox.append(
                EventTypes.ERRATUM_ADDED,
                id,
                id,
                new ErratumAdded(id, added.number(), added.text(), added.createdAt()));
        return errata;
    }

    @Transactional(readOnly = true)
    List<StatementRepository.Erratum> errata(CurrentCoordinator me, UUID id) {
        access.require(id, me, Role.VIEWER);
        return statements.errata(id);
    }

    @Transactional
    List<StatementRepository.Member> invite(CurrentCoordinator me, UUID id, String email, Role role) {
        access.require(id, me, Role.OWNER);
        if (email.strip().toLowerCase(Locale.ROOT).equals(me.email().strip().toLowerCase(Locale.ROOT))) {
            throw FieldProblems.invalid("email", "You cannot change your own role.");
        }
        // a member already (the owner sees them listed) gets the new role; anyone else is invited and joins only by
        // accepting: the same answer whether or not the address has an account, so an inviter learns nothing of it
        Optional<UUID> member = statements.memberByEmail(id, email);
        if (member.isPresent()) {
            statements.putMember(id, member.get(), role);
        } else {
            statements.putInvitation(id, email, role, clock.instant());
        }
        return statements.members(id);
    }

    /** Statements that invited the coordinator's address to co-draft and that they have not answered. */
    @Transactional(readOnly = true)
    List<StatementRepository.Invitation> invitations(CurrentCoordinator me) {
        return statements.invitations(me.email(), me.id());
    }

    /** The invited coordinator takes the role offered; 404 when their address has no invitation to the statement. */
    @Transactional
    StatementView accept(CurrentCoordinator me, UUID id) {
        Role role = statements
                .takeInvitation(id, me.email())
                .orElseThrow(() -> Problems.notFound("No invitation to statement " + id + "."));
        statements.putMember(id, me.id(), role);
        Statement statement = statements.find(id).orElseThrow();
        return StatementView.of(statement, current(statement), role);
    }

    /** The invited coordinator declines; 404 when their address has no invitation to the statement. */
    @Transactional
    void decline(CurrentCoordinator me, UUID id) {
        statements
                .takeInvitation(id, me.email())
                .orElseThrow(() -> Problems.notFound("No invitation to statement " + id + "."));
    }

    @Transactional(readOnly = true)
    List<StatementRepository.Member> members(CurrentCoordinator me, UUID id) {
        access.require(id, me, Role.VIEWER);
        return statements.members(id);
    }

    @Transactional(readOnly = true)
    StatementView find(CurrentCoordinator me, UUID id) {
        Role role = access.require(id, me, Role.VIEWER).role();
        Statement statement = statements.find(id).orElseThrow();
        return StatementView.of(statement, current(statement), role);
    }

    @Transactional(readOnly = true)
    List<StatementView> list(CurrentCoordinator me) {
        return statements.findFor(me.id()).stream()
                .map(statement -> StatementView.of(
                        statement,
                        current(statement),
                        statements.role(statement.id(), me.id()).orElseThrow()))
                .toList();
    }

    @Transactional(readOnly = true)
    List<StatementView.RevisionView> revisions(CurrentCoordinator me, UUID id) {
        access.require(id, me, Role.VIEWER);
        return statements.revisions(id).stream()
                .map(StatementView.RevisionView::of)
                .toList();
    }

    @Transactional(readOnly = true)
    StatementView.RevisionView revision(CurrentCoordinator me, UUID id, int number) {
        access.require(id, me, Role.VIEWER);
        return statements
                .revision(id, number)
                .map(StatementView.RevisionView::of)
                .orElseThrow(() -> Problems.notFound("Statement " + id + " has no revision " + number + "."));
    }

    record Diff(int from, int to, List<WordDiff.Token> tokens) {}

    @Transactional(readOnly = true)
    Diff diff(CurrentCoordinator me, UUID id, int from, int to) {
        access.require(id, me, Role.VIEWER);
        Revision a = statements
                .revision(id, from)
                .orElseThrow(() -> FieldProblems.invalid("from", "Statement " + id + " has no revision " + from + "."));
        Revision b = statements
                .revision(id, to)
                .orElseThrow(() -> FieldProblems.invalid("to", "Statement " + id + " has no revision " + to + "."));
        return new Diff(
                from,
                to,
                WordDiff.between(Revision.signedText(a.title(), a.body()), Revision.signedText(b.title(), b.body())));
    }

    /**
     * The moment of a lifecycle move, to the microsecond PostgreSQL keeps: the moment sign-on ended travels in the
     * events and every consumer compares confirmation times with it, so the stored and the sent value are one.
     */
    private Instant lifecycleNow() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    Clock clock() {
        return clock;
    }

    private Statement locked(UUID id) {
        return statements.findForUpdate(id).orElseThrow(() -> Problems.notFound("No statement " + id + "."));
    }

    private Revision current(Statement statement) {
        return statements.revision(statement.id(), statement.currentRevision()).orElseThrow();
    }

    private static String describe(Status status) {
        return switch (status) {
            case DRAFT -> "a draft";
            case OPEN -> "open for signature";
            case CLOSED -> "closed";
            case PUBLISHED -> "published";
            case WITHDRAWN -> "withdrawn";
        };
    }

    /** Browsers send form text with CRLF line ends; the signed text always has LF. */
    /** The body as stored: HumanText's multi-line rules (NFC, LF line ends, no controls), at most 100,000 characters. */
    static String lines(String text) {
        return HumanText.multiLine("body", text, 100_000);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value.strip();
    }

    static String slugOf(String title, UUID id) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (ascii.length() > 60) {
            ascii = ascii.substring(0, 60).replaceAll("-+$", "");
        }
        String suffix = id.toString().substring(0, 8);
        return ascii.isEmpty() ? suffix : ascii + "-" + suffix;
    }
}
