package org.chorus.signatures.reconsent;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.chorus.events.EventTypes;
import org.chorus.events.MailRequested;
import org.chorus.events.ReconsentRequested;
import org.chorus.events.SignatureReconfirmed;
import org.chorus.events.SignatureWithdrawn;
import org.chorus.events.StatementRevised;
import org.chorus.platform.inbox.Inbox;
import org.chorus.platform.language.Languages;
import org.chorus.platform.outbox.Outbox;
import org.chorus.platform.sealing.MailSealer;
import org.chorus.platform.web.Problems;
import org.chorus.signatures.audit.AuditTrail;
import org.chorus.signatures.identity.SealedIdentities;
import org.chorus.signatures.links.PublicLinks;
import org.chorus.signatures.signon.ConfirmationToken;
import org.chorus.signatures.statements.OpenStatement;
import org.chorus.signatures.statements.OpenStatements;
import org.chorus.signatures.statements.StatementText;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * After a material revision every confirmed signer is asked, by mail with a personal link, to confirm the new text
 * by a deadline. After the deadline the coordinator keeps those who did not answer (flagged) or drops them.
 */
@Service
public class Reconsent {
    static final String TEMPLATE = "reconsent-request";

    private final JdbcClient jdbc;
    private final Inbox inbox;
    private final Outbox outbox;
    private final MailSealer sealer;
    private final Clock clock;
    private final OpenStatements statements;
    private final SealedIdentities identities;
    private final AuditTrail audit;
    private final PublicLinks links;
    private final Duration answerTime;

    Reconsent(
            JdbcClient jdbc,
            Inbox inbox,
            Outbox outbox,
            MailSealer sealer,
            Clock clock,
            OpenStatements statements,
            SealedIdentities identities,
            AuditTrail audit,
            PublicLinks links,
            @Value("${chorus.signatures.reconsent-days:14}") int reconsentDays) {
        this.jdbc = jdbc;
        this.inbox = inbox;
        this.outbox = outbox;
        this.sealer = sealer;
        this.clock = clock;
        this.statements = statements;
        this.identities = identities;
        this.audit = audit;
        this.links = links;
        this.answerTime = Duration.ofDays(reconsentDays);
    }

    record Signer(UUID id, String name, String email, String visibility, byte[] sealedIdentity, String language) {}

    /** Keeps the statement copy current; a material revision asks each confirmed signer to re-consent. */
    @Transactional
    public void revised(UUID eventId, StatementRevised event) {
        if (!inbox.firstDelivery(eventId) || !statements.revised(event) || !event.material()) {
            return;
        }
        Instant now = clock.instant();
        Instant deadline = now.plus(answerTime);
        OpenStatement statement = statements.find(event.statementId()).orElseThrow();
        jdbc.sql("update statement set reconsent_deadline = ?, reconsent_resolved = null where id = ?")
                .params(Timestamp.from(deadline), statement.id())
                .update();
        outbox.append(
                EventTypes.RECONSENT_REQUESTED,
                statement.id(),
                statement.id(),
                new ReconsentRequested(statement.id(), event.revision(), event.contentHash(), deadline));
        List<Signer> signers = jdbc.sql("""
                        select id, name, email, visibility, sealed_identity, language from signature
                        where statement_id = ? and status = 'CONFIRMED' and revision < ? order by seq""")
                .params(statement.id(), event.revision())
                .query(Signer.class)
                .list();
        for (Signer signer : signers) {
            ConfirmationToken token = ConfirmationToken.generate();
            jdbc.sql("update signature set reconsent_token_hash = ? where id = ?")
                    .params(token.hash(), signer.id())
                    .update();
            boolean withheld = "WITHHELD".equals(signer.visibility());
            String email = withheld
                    ? identities
                            .open(statement.id(), signer.id(), signer.sealedIdentity())
                            .email()
                    : signer.email();
            UUID requestId = UUID.randomUUID();
            String language = Languages.choose(signer.language(), statement.language());
            Map<String, String> variables = new HashMap<>();
            variables.put(
                    "statementTitle", statements.textIn(statement, language).title());
            if (!withheld) {
                variables.put("signerName", signer.name());
            }
            variables.put("reconsentUrl", links.base() + "/reconsent/" + token.secret() + "?lang=" + language);
            variables.put("deadline", statement.dateTime(deadline, language));
            outbox.append(
                    EventTypes.MAIL_REQUESTED_V2,
                    statement.id(),
                    requestId,
                    sealer.seal(
                            statement.id(),
                            new MailRequested(
                                    requestId,
                                    TEMPLATE,
                                    language,
                                    email,
                                    withheld ? null : signer.name(),
                                    Map.copyOf(variables))));
            audit.record(
                    signer.id(),
                    statement.id(),
                    now,
                    AuditTrail.Actor.SYSTEM,
                    "RECONSENT_REQUESTED",
                    "revision " + event.revision());
        }
    }

    record Request(UUID signatureId, UUID statementId, int revision, String status) {}

    Optional<Request> find(String secret) {
        return jdbc.sql("select id as signature_id, statement_id, revision, status from signature"
                        + " where reconsent_token_hash = ?")
                .param(new ConfirmationToken(secret).hash())
                .query(Request.class)
                .optional();
    }

    /**
     * The signer confirms the statement's current text, as {@code read} (the primary text or its translation); false
     * when they already had.
     */
    @Transactional
    boolean reconfirm(Request request, OpenStatement statement, StatementText read) {
        int changed = jdbc.sql("""
                        update signature set revision = ?, revision_hash = ?, flagged = false,
                            text_language = ?, text_hash = ?
                        where id = ? and status = 'CONFIRMED' and revision < ?""")
                .params(
                        statement.revision(),
                        statement.contentHash(),
                        read.language(),
                        read.contentHash(),
                        request.signatureId(),
                        statement.revision())
                .update();
        if (changed == 0) {
            return false;
        }
        audit.record(
                request.signatureId(),
                statement.id(),
                clock.instant(),
                AuditTrail.Actor.SIGNER,
                "RECONFIRMED",
                "revision " + statement.revision());
        outbox.append(
                EventTypes.SIGNATURE_RECONFIRMED,
                statement.id(),
                statement.id(),
                new SignatureReconfirmed(
                        request.signatureId(), statement.id(), statement.revision(), statement.contentHash()));
        return true;
    }

    enum Decision {
        KEEP,
        DROP
    }

    record Outcome(Decision decision, int signatures) {}

    /**
     * After the deadline, signers who did not confirm the current revision are kept (flagged) or dropped (withdrawn,
     * with an event each).
     */
    @Transactional
    Outcome resolve(UUID statementId, Decision decision, Instant now) {
        OpenStatement statement =
                statements.find(statementId).orElseThrow(() -> Problems.notFound("No such statement"));
        if (statement.reconsentDeadline() == null) {
            throw Problems.conflict("No re-consent was requested for this statement");
        }
        if (now.isBefore(statement.reconsentDeadline())) {
            throw Problems.conflict("The re-consent deadline " + statement.reconsentDeadline() + " has not passed");
        }
        List<UUID> silent = jdbc.sql("""
                        select id from signature where statement_id = ? and status = 'CONFIRMED' and revision < ?
                        order by seq""")
                .params(statementId, statement.revision())
                .query(UUID.class)
                .list();
        for (UUID id : silent) {
            if (decision == Decision.KEEP) {
                jdbc.sql("update signature set flagged = true where id = ?")
                        .param(id)
                        .update();
                audit.record(id, statementId, now, AuditTrail.Actor.COORDINATOR, "KEPT_WITHOUT_RECONSENT", null);
            } else {
                jdbc.sql("update signature set status = 'WITHDRAWN', reconsent_token_hash = null where id = ?")
                        .param(id)
                        .update();
                audit.record(id, statementId, now, AuditTrail.Actor.COORDINATOR, "DROPPED_WITHOUT_RECONSENT", null);
                outbox.append(
                        EventTypes.SIGNATURE_WITHDRAWN,
                        statementId,
                        statementId,
                        new SignatureWithdrawn(id, statementId));
            }
        }
        jdbc.sql("update statement set reconsent_resolved = ? where id = ?")
                .params(decision.name(), statementId)
                .update();
        return new Outcome(decision, silent.size());
    }
}
