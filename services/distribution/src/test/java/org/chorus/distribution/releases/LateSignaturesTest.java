package org.chorus.distribution.releases;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chorus.distribution.Fixtures;
import org.chorus.distribution.ledger.Ledger;
import org.chorus.events.Envelope;
import org.chorus.events.EventTypes;
import org.chorus.events.MailRequested;
import org.chorus.events.SignatoryKind;
import org.chorus.events.SignatureConfirmed;
import org.chorus.events.StatementClosed;
import org.chorus.events.StatementPublished;
import org.chorus.events.StatementWithdrawn;
import org.chorus.events.Topics;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.Mailbox;
import org.chorus.testsupport.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Distribution applies the end of sign-on itself: a signatory confirmed after the moment the lifecycle events name is
 * never in a release, whichever arrives first; a withdrawn statement's mail not yet sent is cancelled, and later
 * requests for it are refused.
 */
@ChorusServiceTest
class LateSignaturesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    TransactionTemplate transactions;

    Http http;
    Fixtures fixtures;

    @BeforeEach
    void client() {
        http = new Http("http://localhost:" + port);
        fixtures = new Fixtures(http, jdbc);
    }

    @Test
    void aSignatoryConfirmedAfterSignOnEndedIsNeverInTheReleasePreviewOrMail() {
        UUID statementId = fixtures.openStatement("Late names stay out", "The final text.", "en");
        Instant ended = Instant.now().truncatedTo(ChronoUnit.MICROS);
        confirm(statementId, "Arrived Before The Close", ended.plusSeconds(1));
        Eventually.await(
                Fixtures.TIMEOUT, () -> assertThat(signatories(statementId)).contains("Arrived Before The Close"));

        Fixtures.send(
                EventTypes.STATEMENT_CLOSED, statementId, new StatementClosed(statementId, 1, Fixtures.HASH, ended));
        fixtures.awaitStatus(statementId, "CLOSED");
        confirm(statementId, "Arrived After The Close", ended.plusSeconds(2));
        // publication names a later moment: the earliest end stays
        Fixtures.send(
                EventTypes.STATEMENT_PUBLISHED,
                statementId,
                new StatementPublished(statementId, 1, Fixtures.HASH, ended.plusSeconds(60)));
        fixtures.awaitStatus(statementId, "PUBLISHED");
        Eventually.await(
                Fixtures.TIMEOUT,
                () -> assertThat(jdbc.sql("select count(*) from signatory where statement_id = ?")
                                .param(statementId)
                                .query(Integer.class)
                                .single())
                        .as("both late confirmations were read")
                        .isEqualTo(4));

        String reader = Mailbox.uniqueAddress("late-desk");
        String listId = fixtures.list(List.of(new Fixtures.Person("Late Desk", reader, "en", false)));
        String preview = http.get("/api/releases/preview?statementId=" + statementId + "&contactId="
                        + fixtures.contactId(listId, reader))
                .json()
                .get("body")
                .asString();
        assertThat(preview)
                .contains("Lawyers for Lawyers", "FIDH")
                .doesNotContain("Arrived Before The Close", "Arrived After The Close");

        String releaseId = fixtures.release(statementId, listId);
        fixtures.awaitSent(releaseId, 1);
        String mail = Mailbox.body(Mailbox.messagesTo(reader).get(0));
        assertThat(mail).contains("Lawyers for Lawyers").doesNotContain("Arrived");
        assertThat(jdbc.sql("select signatories from release where id = ?::uuid")
                        .param(releaseId)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void aWithdrawnStatementCancelsItsUnsentMailAndRefusesLaterRequests() throws InterruptedException {
        UUID statementId = fixtures.openStatement("Withdrawn at once", "Text.", "en");
        String waiting = Mailbox.uniqueAddress("waiting");
        UUID waitingRequest = UUID.randomUUID();
        // a confirmation mail planned, waiting for its next attempt (as after a refused connection)
        transactions.executeWithoutResult(status -> {
            ledger.planRequested(
                    waitingRequest,
                    "signature-confirmation",
                    statementId.toString(),
                    new Ledger.Mail(waiting, "Waiting Org", "Please confirm", "Confirm: https://example.org/c"));
            jdbc.sql("update delivery set next_attempt_at = now() + interval '1 hour' where request_id = ?")
                    .param(waitingRequest)
                    .update();
        });

        Fixtures.send(
                EventTypes.STATEMENT_WITHDRAWN,
                statementId,
                new StatementWithdrawn(statementId, "A signatory was put at risk.", Instant.now()));
        fixtures.awaitStatus(statementId, "WITHDRAWN");
        assertThat(status(waitingRequest)).isEqualTo("CANCELLED");
        jdbc.sql("update delivery set next_attempt_at = now() where request_id = ?")
                .param(waitingRequest)
                .update();

        String late = Mailbox.uniqueAddress("late-invitee");
        UUID lateRequest = UUID.randomUUID();
        TopicReader.send(
                Topics.MAIL_REQUESTS,
                lateRequest.toString(),
                Envelope.of(
                        EventTypes.MAIL_REQUESTED,
                        "/signatures",
                        statementId,
                        Instant.now(),
                        new MailRequested(
                                lateRequest,
                                "invitation",
                                "en",
                                late,
                                "Late Invitee",
                                Map.of("statementTitle", "Withdrawn at once", "organisation", "Late Invitee"))));
        Eventually.await(Fixtures.TIMEOUT, () -> assertThat(status(lateRequest)).isEqualTo("FAILED"));
        assertThat(jdbc.sql("select last_error from delivery where request_id = ?")
                        .param(lateRequest)
                        .query(String.class)
                        .single())
                .contains("withdrawn");
        Thread.sleep(2000);
        List<MimeMessage> sent = Mailbox.messagesTo(waiting);
        assertThat(sent).isEmpty();
        assertThat(Mailbox.messagesTo(late)).isEmpty();
        assertThat(status(waitingRequest)).isEqualTo("CANCELLED");
    }

    private void confirm(UUID statementId, String name, Instant confirmedAt) {
        Fixtures.send(
                EventTypes.SIGNATURE_CONFIRMED,
                statementId,
                new SignatureConfirmed(
                        UUID.randomUUID(),
                        statementId,
                        SignatoryKind.ORGANISATION,
                        name,
                        null,
                        null,
                        1,
                        Fixtures.HASH,
                        confirmedAt));
    }

    private List<String> signatories(UUID statementId) {
        return jdbc.sql("select name from signatory where statement_id = ?")
                .param(statementId)
                .query(String.class)
                .list();
    }

    private String status(UUID requestId) {
        return jdbc.sql("select status from delivery where request_id = ?")
                .param(requestId)
                .query(String.class)
                .single();
    }
}
