package org.chorus.signatures.signon;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.chorus.events.EventTypes;
import org.chorus.events.MailRequested;
import org.chorus.events.SignatoryKind;
import org.chorus.events.SignatureConfirmed;
import org.chorus.events.SignatureSubmitted;
import org.chorus.platform.outbox.Outbox;
import org.chorus.signatures.statements.OpenStatement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Pending signatures, their confirmation mail, and the double opt-in that makes them count. */
@Service
class SignOn {
    static final String CONFIRMATION_TEMPLATE = "signature-confirmation";

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final Clock clock;

    SignOn(JdbcClient jdbc, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    record Submission(String name, String country, String qualifier, String email) {}

    /** Stores a pending organisation signature and asks distribution to mail its confirmation link. */
    @Transactional
    void submit(OpenStatement statement, Submission submission, String confirmUrlPrefix) {
        ConfirmationToken token = ConfirmationToken.generate();
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into signature (id, statement_id, kind, name, country, qualifier, email, status,
                                               revision, revision_hash, token_hash, submitted_at)
                        values (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?)""")
                .params(
                        id,
                        statement.id(),
                        SignatoryKind.ORGANISATION.name(),
                        submission.name(),
                        submission.country(),
                        submission.qualifier(),
                        submission.email(),
                        statement.revision(),
                        statement.contentHash(),
                        token.hash(),
                        Timestamp.from(now))
                .update();
        outbox.append(
                EventTypes.SIGNATURE_SUBMITTED,
                statement.id(),
                statement.id(),
                new SignatureSubmitted(
                        id,
                        statement.id(),
                        SignatoryKind.ORGANISATION,
                        submission.name(),
                        submission.country(),
                        submission.qualifier()));
        UUID requestId = UUID.randomUUID();
        outbox.append(
                EventTypes.MAIL_REQUESTED,
                statement.id(),
                requestId,
                new MailRequested(
                        requestId,
                        CONFIRMATION_TEMPLATE,
                        statement.language(),
                        submission.email(),
                        submission.name(),
                        Map.of(
                                "statementTitle", statement.title(),
                                "signerName", submission.name(),
                                "confirmUrl", confirmUrlPrefix + token.secret())));
    }

    @Transactional(readOnly = true)
    Optional<Signature> findByToken(String secret) {
        return jdbc.sql("select * from signature where token_hash = ?")
                .param(new ConfirmationToken(secret).hash())
                .query(Signature.class)
                .optional();
    }

    /** Confirms a pending signature; empty when the link is unknown or was already used. */
    @Transactional
    Optional<Signature> confirm(String secret) {
        Optional<Signature> confirmed = jdbc.sql("""
                        update signature set status = 'CONFIRMED', confirmed_at = ?
                        where token_hash = ? and status = 'PENDING'
                        returning *""")
                .params(Timestamp.from(clock.instant()), new ConfirmationToken(secret).hash())
                .query(Signature.class)
                .optional();
        confirmed.ifPresent(signature -> outbox.append(
                EventTypes.SIGNATURE_CONFIRMED,
                signature.statementId(),
                signature.statementId(),
                new SignatureConfirmed(
                        signature.id(),
                        signature.statementId(),
                        signature.kind(),
                        signature.name(),
                        signature.country(),
                        signature.qualifier(),
                        signature.revision(),
                        signature.revisionHash(),
                        signature.confirmedAt())));
        return confirmed;
    }
}
