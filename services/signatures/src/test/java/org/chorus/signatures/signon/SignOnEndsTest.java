package org.chorus.signatures.signon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chorus.events.Envelope;
import org.chorus.events.EventTypes;
import org.chorus.events.ReminderTriggered;
import org.chorus.events.ScheduleSet;
import org.chorus.events.Topics;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sign-on ends when the statement says so (closed, published, withdrawn) or when its deadline passes: from then on
 * every signer page says so in the signer's language, and nothing is stored, confirmed or exported.
 */
@ChorusServiceTest
class SignOnEndsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http http;
    UUID statementId;

    @BeforeEach
    void statementOpenForSignature() {
        http = new Http("http://localhost:" + port);
        statementId = Statements.open(http, "Free the lawyers", "en", "We call for the release of the lawyers.");
    }

    @Test
    void afterTheCloseEverySignerPageSaysSignOnEndedAndNothingIsStoredOrCounted() {
        Statements.signAndConfirm(http, statementId, Statements.organisation("In Time Org", "NL", "in@example.org"));
        String manageUrl = Statements.mailTo(statementId, "signature-confirmation", "in@example.org")
                .variables()
                .get("manageUrl");
        assertThat(http.postForm("/sign/" + statementId, Statements.organisation("Pending Org", "FR", "p@example.org"))
                        .status())
                .isEqualTo(303);
        String pendingConfirmUrl = Statements.mailTo(statementId, "signature-confirmation", "p@example.org")
                .variables()
                .get("confirmUrl");

        Statements.close(statementId, Instant.now());
        Eventually.await(
                Statements.WAIT,
                () -> assertThat(http.get("/sign/" + statementId).status()).isEqualTo(409));
        assertThat(http.get("/sign/" + statementId).body())
                .contains("Sign-on has ended", "Nothing sent from this page was recorded");
        assertThat(http.get("/sign/" + statementId + "?lang=fr").body()).contains("Les signatures sont closes");
        assertThat(http.get("/sign/" + statementId + "?lang=ar").body()).contains("انتهى جمع التوقيعات", "dir=\"rtl\"");

        var late = http.postForm("/sign/" + statementId, Statements.organisation("Late Org", "DE", "late@example.org"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body()).contains("Sign-on has ended");
        assertThat(http.get(pendingConfirmUrl).status()).isEqualTo(409);
        var confirmation = http.postForm(pendingConfirmUrl, Map.of());
        assertThat(confirmation.status()).isEqualTo(409);
        assertThat(confirmation.body()).contains("Sign-on has ended");

        assertThat(jdbc.sql("select status from signature where statement_id = ? order by submitted_at")
                        .param(statementId)
                        .query(String.class)
                        .list())
                .as("the late submission is not stored, the pending one is not confirmed")
                .containsExactly("CONFIRMED", "PENDING");
        assertThat(TopicReader.awaitEvents(
                        Topics.SIGNATURES, EventTypes.SIGNATURE_CONFIRMED_V2.name(), statementId, Statements.WAIT))
                .hasSize(1);
        assertThat(http.get("/api/statements/" + statementId + "/signatories.txt")
                        .body())
                .isEqualTo("  1. In Time Org (Netherlands)\n");

        var managePage = http.get(manageUrl);
        assertThat(managePage.status()).isEqualTo(200);
        assertThat(managePage.body())
                .contains("signatures can no longer be corrected", "Withdraw my signature")
                .doesNotContain("Save the correction");
        var correction = http.postForm(
                manageUrl, Map.of("name", "Renamed Org", "country", "NL", "qualifier", "", "visibility", "PUBLIC"));
        assertThat(correction.status()).isEqualTo(409);
        assertThat(correction.body()).contains("Corrections have ended");
        assertThat(http.get("/api/statements/" + statementId + "/signatories.txt")
                        .body())
                .contains("In Time Org");

        var invitation = http.postJson(
                "/api/statements/" + statementId + "/invitations",
                Map.of("invitations", List.of(Map.of("organisation", "Too Late", "email", "tl@example.org"))));
        assertThat(invitation.status()).isEqualTo(409);
        assertThat(invitation.contentType()).startsWith("application/problem+json");
        assertThat(invitation.json().get("code").asString()).isEqualTo("signOnEnded");

        assertThat(http.postForm(Statements.below(manageUrl, "/withdrawal"), Map.of())
                        .status())
                .as("a signer may still take their name back before publication")
                .isEqualTo(200);
        assertThat(http.get("/api/statements/" + statementId + "/signatories.txt")
                        .body())
                .isEmpty();
    }

    @Test
    void aConfirmationCommittedAfterTheMomentSignOnEndedIsNeverExportedEvenIfTheCloseArrivesLater() {
        Statements.signAndConfirm(http, statementId, Statements.organisation("Early Org", "NL", "early@example.org"));
        Instant ended = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Statements.signAndConfirm(http, statementId, Statements.organisation("Racing Org", "BE", "race@example.org"));
        assertThat(http.get("/api/statements/" + statementId + "/signatories.txt")
                        .body())
                .contains("Early Org", "Racing Org");

        Statements.close(statementId, ended);
        Eventually.await(
                Statements.WAIT,
                () -> assertThat(http.get("/api/statements/" + statementId + "/signatories.txt")
                                .body())
                        .isEqualTo("  1. Early Org (Netherlands)\n"));
        assertThat(http.get("/api/statements/" + statementId + "/signatories.csv")
                        .body())
                .doesNotContain("Racing Org");
        assertThat(Statements.pdfText(
                        "http://localhost:" + port + "/api/statements/" + statementId + "/signatories.pdf"))
                .contains("Early Org")
                .doesNotContain("Racing Org");
    }

    @Test
    void aWithdrawnStatementTakesNothingAndRemindsNoOne() {
        var wave = http.postJson(
                "/api/statements/" + statementId + "/invitations",
                Map.of("invitations", List.of(Map.of("organisation", "Quiet Org", "email", "quiet@example.org"))));
        assertThat(wave.status()).isEqualTo(201);
        String declineUrl = Statements.mailTo(statementId, "invitation", "quiet@example.org")
                .variables()
                .get("declineUrl");
        UUID invitation = jdbc.sql("select id from invitation where statement_id = ?")
                .param(statementId)
                .query(UUID.class)
                .single();

        Statements.withdraw(statementId, Instant.now());
        Eventually.await(
                Statements.WAIT,
                () -> assertThat(http.get("/sign/" + statementId).body()).contains("Statement withdrawn"));
        assertThat(http.get(declineUrl).status()).isEqualTo(409);
        assertThat(http.postForm(declineUrl, Map.of()).status()).isEqualTo(409);

        var reminder = Envelope.of(
                EventTypes.REMINDER_TRIGGERED,
                "/tracking",
                statementId,
                Instant.now(),
                new ReminderTriggered(UUID.randomUUID(), invitation, statementId, 1, "en"));
        TopicReader.send(Topics.TRACKING, statementId.toString(), reminder);
        Eventually.await(
                Statements.WAIT,
                () -> assertThat(jdbc.sql("select count(*) from processed_event where event_id = ?")
                                .param(reminder.id())
                                .query(Long.class)
                                .single())
                        .isEqualTo(1));
        assertThat(Statements.templatesMailed(statementId)).containsExactly("invitation");
    }

    @Test
    void onceTheDeadlinePassesTheSignPageSaysSignOnEnded() {
        TopicReader.send(
                Topics.STATEMENTS,
                statementId.toString(),
                Envelope.of(
                        EventTypes.SCHEDULE_SET,
                        "/statements",
                        statementId,
                        Instant.now(),
                        new ScheduleSet(statementId, Instant.now().minusSeconds(1), null, null, "UTC")));
        Eventually.await(
                Statements.WAIT,
                () -> assertThat(http.get("/sign/" + statementId + "?lang=es").body())
                        .contains("La recogida de firmas ha terminado"));
        assertThat(http.postForm("/sign/" + statementId, Statements.organisation("After Org", "ES", "a@example.org"))
                        .status())
                .isEqualTo(409);
        assertThat(jdbc.sql("select count(*) from signature where statement_id = ?")
                        .param(statementId)
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
