package org.chorus.signatures.invitations;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.chorus.events.EventTypes;
import org.chorus.events.InvitationCreated;
import org.chorus.events.InvitationDeclined;
import org.chorus.events.InvitationOpened;
import org.chorus.events.InvitationSent;
import org.chorus.events.MailRequested;
import org.chorus.events.ReminderTriggered;
import org.chorus.platform.inbox.Inbox;
import org.chorus.platform.language.Languages;
import org.chorus.platform.outbox.Outbox;
import org.chorus.platform.sealing.MailSealer;
import org.chorus.platform.sealing.SignatorySealer;
import org.chorus.platform.text.HumanText;
import org.chorus.platform.web.Problems;
import org.chorus.signatures.links.PublicLinks;
import org.chorus.signatures.statements.OpenStatement;
import org.chorus.signatures.statements.OpenStatements;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations in numbered waves, each with its own signed, expiring link that pre-fills the organisation. Mail goes
 * through distribution; the address stays here. Invited signers need no moderation.
 */
@Service
public class Invitations {
    static final String INVITATION_TEMPLATE = "invitation";
    static final String REMINDER_TEMPLATE = "invitation-reminder";

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final MailSealer sealer;
    private final SignatorySealer signatories;
    private final Inbox inbox;
    private final Clock clock;
    private final OpenStatements statements;
    private final InvitationLinks links;
    private final PublicLinks publicLinks;
    private final Duration validity;

    Invitations(
            JdbcClient jdbc,
            Outbox outbox,
            MailSealer sealer,
            SignatorySealer signatories,
            Inbox inbox,
            Clock clock,
            OpenStatements statements,
            InvitationLinks links,
            PublicLinks publicLinks,
            @Value("${chorus.signatures.invitation-days:30}") int invitationDays) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.sealer = sealer;
        this.signatories = signatories;
        this.inbox = inbox;
        this.clock = clock;
        this.statements = statements;
        this.links = links;
        this.publicLinks = publicLinks;
        this.validity = Duration.ofDays(invitationDays);
    }

    /** An invitation as the sign-on page uses it; {@code language} is the one the invitee was invited in. */
    public record Invited(UUID id, UUID statementId, int wave, String organisation, String country, String language) {}

    public enum Status {
        VALID,
        EXPIRED,
        NOT_VALID
    }

    /** What a link in hand amounts to; {@code invited} is present only when VALID. */
    public record Following(Status status, Invited invited) {}

    /** One invitee as a coordinator entered them, through the platform's HumanText. */
    record NewInvitation(String organisation, String country, String email, String language) {
        NewInvitation {
            organisation = HumanText.singleLine("organisation", organisation, 200);
            country = HumanText.singleLine("country", country, 10);
            email = HumanText.singleLine("email", email, 254);
        }
    }

    record Created(UUID id, String organisation, String signUrl, Instant expiresAt) {}

    record Wave(int wave, List<Created> invitations) {}

    @Transactional
    Wave create(UUID statementId, List<NewInvitation> invitations) {
        OpenStatement statement = statements
                .find(statementId)
                .orElseThrow(() -> Problems.notFound("No statement " + statementId + " is open for signature here"));
        if (statement.signOnEnded(clock.instant())) {
            throw Problems.conflict(
                    statement.endedMessage(),
                    "Sign-on for statement " + statementId + " has ended"
                            + (statement.withdrawn() ? " (it was withdrawn)" : "") + "; no invitation was sent.");
        }
        jdbc.sql("select id from statement where id = ? for update")
                .param(statementId)
                .query(UUID.class)
                .single();
        int wave = jdbc.sql("select coalesce(max(wave), 0) + 1 from invitation where statement_id = ?")
                .param(statementId)
                .query(Integer.class)
                .single();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(validity);
        List<Created> created = new ArrayList<>();
        for (NewInvitation invitation : invitations) {
            UUID id = UUID.randomUUID();
            UUID requestId = UUID.randomUUID();
            String language = invitation.language() == null ? statement.language() : invitation.language();
            jdbc.sql("""
                            insert into invitation (id, statement_id, wave, organisation, country, email, language,
                                                    created_at, expires_at, request_id)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            id,
                            statementId,
                            wave,
                            invitation.organisation(),
                            invitation.country(),
                            invitation.email(),
                            language,
                            Timestamp.from(now),
                            Timestamp.from(expiresAt),
                            requestId)
                    .update();
            String speaks = Languages.choose(language, statement.language());
            String signUrl = signUrl(statementId, id, expiresAt, speaks);
            outbox.append(
                    EventTypes.INVITATION_CREATED_V2,
                    statementId,
                    statementId,
                    signatories.invitationCreated(new InvitationCreated(
                            id, statementId, wave, invitation.organisation(), invitation.country(), language)));
            outbox.append(
                    EventTypes.MAIL_REQUESTED_V2,
                    statementId,
                    requestId,
                    sealer.seal(
                            statementId,
                            new MailRequested(
                                    requestId,
                                    INVITATION_TEMPLATE,
                                    speaks,
                                    invitation.email(),
                                    invitation.organisation(),
                                    Map.of(
                                            "statementTitle", statement.title(),
                                            "organisation", invitation.organisation(),
                                            "signUrl", signUrl,
                                            "declineUrl", declineUrl(statementId, id, expiresAt, speaks),
                                            "deadline", statement.dateTime(expiresAt, speaks)))));
            outbox.append(
                    EventTypes.INVITATION_SENT,
                    statementId,
                    statementId,
                    new InvitationSent(id, statementId, requestId));
            created.add(new Created(id, invitation.organisation(), signUrl, expiresAt));
        }
        return new Wave(wave, created);
    }

    /** Checks a link without side effects (form submissions). */
    @Transactional(readOnly = true)
    public Following check(UUID statementId, String token) {
        InvitationLinks.Check check = links.check(statementId, token, clock.instant());
        if (check instanceof InvitationLinks.Valid valid) {
            return find(statementId, valid.invitationId())
                    .map(invited -> new Following(Status.VALID, invited))
                    .orElseGet(() -> new Following(Status.NOT_VALID, null));
        }
        return new Following(check instanceof InvitationLinks.Expired ? Status.EXPIRED : Status.NOT_VALID, null);
    }

    /** The invitee opened their link: recorded (and published) the first time only, seen by the server. */
    @Transactional
    public Following open(UUID statementId, String token) {
        Following following = check(statementId, token);
        if (following.status() == Status.VALID) {
            int first = jdbc.sql("update invitation set opened_at = ? where id = ? and opened_at is null")
                    .params(Timestamp.from(clock.instant()), following.invited().id())
                    .update();
            if (first == 1) {
                outbox.append(
                        EventTypes.INVITATION_OPENED,
                        statementId,
                        statementId,
                        new InvitationOpened(following.invited().id(), statementId));
            }
        }
        return following;
    }

    /** True when declined now, false when it had been already. */
    @Transactional
    boolean decline(Invited invited) {
        int first = jdbc.sql("update invitation set declined_at = ? where id = ? and declined_at is null")
                .params(Timestamp.from(clock.instant()), invited.id())
                .update();
        if (first == 1) {
            outbox.append(
                    EventTypes.INVITATION_DECLINED,
                    invited.statementId(),
                    invited.statementId(),
                    new InvitationDeclined(invited.id(), invited.statementId()));
        }
        return first == 1;
    }

    record Invitee(String organisation, String email, String language, boolean answered) {}

    /** Tracking says an invitee has not answered: remind them, unless they signed or declined meanwhile. */
    @Transactional
    void remind(UUID eventId, ReminderTriggered reminder) {
        if (!inbox.firstDelivery(eventId)) {
            return;
        }
        Optional<Invitee> invitee = jdbc.sql("""
                        select organisation, email, language,
                               declined_at is not null
                               or exists (select 1 from signature s where s.invitation_id = invitation.id
                                          and s.status in ('PENDING', 'CONFIRMED')) as answered
                        from invitation where id = ? and statement_id = ?""")
                .params(reminder.invitationId(), reminder.statementId())
                .query(Invitee.class)
                .optional();
        Optional<OpenStatement> statement = statements.find(reminder.statementId());
        if (invitee.isEmpty()
                || statement.isEmpty()
                || invitee.get().answered()
                || statement.get().signOnEnded(clock.instant())) {
            return;
        }
        Instant expiresAt = clock.instant().plus(validity);
        jdbc.sql("update invitation set expires_at = ? where id = ?")
                .params(Timestamp.from(expiresAt), reminder.invitationId())
                .update();
        UUID requestId = reminder.reminderId() == null ? UUID.randomUUID() : reminder.reminderId();
        String language = Languages.choose(
                reminder.language() == null ? invitee.get().language() : reminder.language(),
                statement.get().language());
        outbox.append(
                EventTypes.MAIL_REQUESTED_V2,
                reminder.statementId(),
                requestId,
                sealer.seal(
                        reminder.statementId(),
                        new MailRequested(
                                requestId,
                                REMINDER_TEMPLATE,
                                language,
                                invitee.get().email(),
                                invitee.get().organisation(),
                                Map.of(
                                        "statementTitle", statement.get().title(),
                                        "organisation", invitee.get().organisation(),
                                        "signUrl",
                                                signUrl(
                                                        reminder.statementId(),
                                                        reminder.invitationId(),
                                                        expiresAt,
                                                        language),
                                        "number", String.valueOf(reminder.number())))));
    }

    private Optional<Invited> find(UUID statementId, UUID invitationId) {
        return jdbc.sql("""
                        select id, statement_id, wave, organisation, country, language from invitation
                        where id = ? and statement_id = ?""")
                .params(invitationId, statementId)
                .query(Invited.class)
                .optional();
    }

    /** The invitee's link: it opens the sign page in the language they were invited in. */
    private String signUrl(UUID statementId, UUID invitationId, Instant expiresAt, String language) {
        return publicLinks.base() + "/sign/" + statementId + "?invitation="
                + links.token(statementId, invitationId, expiresAt) + "&lang=" + language;
    }

    private String declineUrl(UUID statementId, UUID invitationId, Instant expiresAt, String language) {
        return publicLinks.base() + "/sign/" + statementId + "/decline?invitation="
                + links.token(statementId, invitationId, expiresAt) + "&lang=" + language;
    }
}
