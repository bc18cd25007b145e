package org.chorus.signatures.signon;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.chorus.events.EventTypes;
import org.chorus.events.MailRequested;
import org.chorus.events.SignatoryKind;
import org.chorus.events.SignatureConfirmed;
import org.chorus.events.SignatureSubmitted;
import org.chorus.events.Visibility;
import org.chorus.platform.outbox.Outbox;
import org.chorus.platform.sealing.MailSealer;
import org.chorus.platform.sealing.SignatorySealer;
import org.chorus.signatures.abuse.ConfirmationMailBudget;
import org.chorus.signatures.audit.AuditTrail;
import org.chorus.signatures.identity.Identity;
import org.chorus.signatures.identity.SealedIdentities;
import org.chorus.signatures.statements.OpenStatement;
import org.chorus.signatures.statements.StatementText;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Pending signatures, their confirmation mail, the double opt-in that makes them count, and their expiry. */
@Service
class SignOn {
    static final String CONFIRMATION_TEMPLATE = "signature-confirmation";

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final MailSealer sealer;
    private final SignatorySealer signatories;
    private final Clock clock;
    private final SealedIdentities identities;
    private final AuditTrail audit;
    private final HeldMails heldMails;
    private final Duration pendingLifetime;

    SignOn(
            JdbcClient jdbc,
            Outbox outbox,
            MailSealer sealer,
            SignatorySealer signatories,
            Clock clock,
            SealedIdentities identities,
            AuditTrail audit,
            HeldMails heldMails,
            @Value("${chorus.signatures.pending-lifetime:P7D}") Duration pendingLifetime) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.sealer = sealer;
        this.signatories = signatories;
        this.clock = clock;
        this.identities = identities;
        this.audit = audit;
        this.heldMails = heldMails;
        this.pendingLifetime = pendingLifetime;
    }

    record Submission(
            SignatoryKind kind,
            String name,
            String country,
            String qualifier,
            String email,
            Visibility visibility,
            boolean countryCounted,
            UUID invitationId,
            Integer wave,
            String contactName,
            String language,
            StatementText read) {

        boolean withheld() {
            return visibility == Visibility.WITHHELD;
        }
    }

    /**
     * Stores a pending signature and asks distribution to mail its confirmation link and the link to manage it, in the
     * language the signer signed in (the links open the pages in it). A withheld signer's name,
     * qualifier, address and contact name are sealed under the statement's key; the events carry neither name nor
     * qualifier, and the country only if the signer allows it to be counted; no event carries a contact name (only
     * the confirmation mail request of a public signer, to greet them). An invitation approves at once only its first
     * live (not withdrawn or rejected) signature: a forwarded link adds no counted signatures without a coordinator.
     * When the mailbox's confirmation-mail budget is spent the mail is held in line ({@link HeldMails}), never
     * dropped; returns true then.
     */
    @Transactional
    boolean submit(
            OpenStatement statement, Submission submission, ConfirmationMailBudget.Keys mailKeys, String publicBase) {
        ConfirmationToken token = ConfirmationToken.generate();
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        boolean withheld = submission.withheld();
        boolean approvedByInvitation =
                submission.invitationId() != null && firstLiveSignatureOf(submission.invitationId());
        byte[] sealed = withheld
                ? identities.seal(
                        statement.id(),
                        id,
                        new Identity(
                                submission.name(),
                                submission.qualifier(),
                                submission.email(),
                                submission.contactName()))
                : null;
        jdbc.sql("""
                        insert into signature (id, statement_id, kind, name, country, qualifier, email, status,
                                               revision, revision_hash, token_hash, submitted_at,
                                               visibility, country_counted, sealed_identity, invitation_id, wave,
                                               approved_at, contact_name, language, text_language, text_hash)
                        values (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        statement.id(),
                        submission.kind().name(),
                        withheld ? null : submission.name(),
                        submission.country(),
                        withheld ? null : submission.qualifier(),
                        withheld ? null : submission.email(),
                        statement.revision(),
                        statement.contentHash(),
                        token.hash(),
                        Timestamp.from(now),
                        submission.visibility().name(),
                        !withheld || submission.countryCounted(),
                        sealed,
                        submission.invitationId(),
                        submission.wave(),
                        approvedByInvitation ? Timestamp.from(now) : null,
                        withheld ? null : submission.contactName(),
                        submission.language(),
                        submission.read().language(),
                        submission.read().contentHash())
                .update();
        audit.record(
                id,
                statement.id(),
                now,
                AuditTrail.Actor.SIGNER,
                "SUBMITTED",
                withheld
                        ? "withheld " + submission.kind().name().toLowerCase()
                        : submission.kind().name().toLowerCase());
        String publicCountry = withheld && !submission.countryCounted() ? null : submission.country();
        outbox.append(
                EventTypes.SIGNATURE_SUBMITTED_V2,
                statement.id(),
                statement.id(),
                signatories.submitted(new SignatureSubmitted(
                        id,
                        statement.id(),
                        submission.kind(),
                        withheld ? null : submission.name(),
                        publicCountry,
                        withheld ? null : submission.qualifier(),
                        withheld ? Visibility.WITHHELD : null,
                        submission.invitationId())));
        UUID requestId = UUID.randomUUID();
        Map<String, String> variables = new HashMap<>();
        variables.put("statementTitle", submission.read().title());
        if (!withheld) {
            variables.put("signerName", submission.name());
            if (submission.contactName() != null) {
                variables.put("contactName", submission.contactName());
            }
        }
        String lang = "?lang=" + submission.language();
        variables.put("confirmUrl", publicBase + "/confirm/" + token.secret() + lang);
        variables.put("manageUrl", publicBase + "/manage/" + token.secret() + lang);
        return heldMails.requestOrHold(
                id,
                statement.id(),
                mailKeys,
                sealer.seal(
                        statement.id(),
                        new MailRequested(
                                requestId,
                                CONFIRMATION_TEMPLATE,
                                submission.language(),
                                submission.email(),
                                withheld ? null : submission.name(),
                                Map.copyOf(variables))));
    }

    /**
     * Locks the invitation until this submission commits, so that of two submissions through one link at the same time
     * the second sees the first; true when no live signature came through the invitation yet.
     */
    private boolean firstLiveSignatureOf(UUID invitationId) {
        jdbc.sql("select id from invitation where id = ? for update")
                .param(invitationId)
                .query(UUID.class)
                .optional();
        return jdbc.sql("""
                        select count(*) from signature
                        where invitation_id = ? and status not in ('WITHDRAWN', 'REJECTED')""").param(invitationId).query(Long.class).single() == 0;
    }

    @Transactional(readOnly = true)
    Optional<Signature> findByToken(String secret) {
        return jdbc.sql("select * from signature where token_hash = ?")
                .param(new ConfirmationToken(secret).hash())
                .query(Signature.class)
                .optional();
    }

    /**
     * Confirms a pending signature; empty when the link is unknown or was already used. A signature no coordinator
     * approved yet is held when the statement requires approval before counting, or when it came through an invitation
     * that another live signature already used (a forwarded link): it is confirmed, but its SignatureConfirmed event
     * waits for the approval (coordinator.Signatures#approve). Nothing is confirmed once sign-on ended (closed,
     * published, withdrawn, or past the deadline).
     */
    @Transactional
    Optional<Signature> confirm(String secret) {
        Instant now = clock.instant();
        Optional<Signature> confirmed = jdbc.sql("""
                        update signature s set status = 'CONFIRMED', confirmed_at = ?,
                            awaiting_approval = s.approved_at is null
                                and (s.invitation_id is not null
                                     or (select approval_required from statement where id = s.statement_id))
                        where token_hash = ? and status = 'PENDING'
                          and not exists (select 1 from statement st where st.id = s.statement_id
                                          and (st.sign_on_ended_at is not null or st.withdrawn_at is not null))
                          and not exists (select 1 from statement_deadline d
                                          where d.statement_id = s.statement_id and d.deadline <= ?)
                        returning *""")
                .params(Timestamp.from(now), new ConfirmationToken(secret).hash(), Timestamp.from(now))
                .query(Signature.class)
                .optional();
        confirmed.ifPresent(signature -> {
            audit.record(
                    signature.id(),
                    signature.statementId(),
                    now,
                    AuditTrail.Actor.SIGNER,
                    "CONFIRMED",
                    "revision " + signature.revision());
            if (signature.awaitingApproval()) {
                return;
            }
            outbox.append(
                    EventTypes.SIGNATURE_CONFIRMED_V2,
                    signature.statementId(),
                    signature.statementId(),
                    signatories.confirmed(new SignatureConfirmed(
                            signature.id(),
                            signature.statementId(),
                            signature.kind(),
                            signature.publicName(),
                            signature.publicCountry(),
                            signature.publicQualifier(),
                            signature.revision(),
                            signature.revisionHash(),
                            signature.confirmedAt(),
                            signature.eventVisibility(),
                            signature.invitationId(),
                            signature.wave())));
        });
        return confirmed;
    }

    /** Deletes signatures never confirmed within the configured lifetime; returns how many went. */
    @Transactional
    int expireUnconfirmed(Instant now) {
        return jdbc.sql("delete from signature where status = 'PENDING' and submitted_at < ?")
                .param(Timestamp.from(now.minus(pendingLifetime)))
                .update();
    }
}
