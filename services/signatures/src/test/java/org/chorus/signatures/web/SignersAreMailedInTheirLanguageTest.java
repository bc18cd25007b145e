package org.chorus.signatures.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chorus.events.Envelope;
import org.chorus.events.EventTypes;
import org.chorus.events.MailRequested;
import org.chorus.events.ScheduleSet;
import org.chorus.events.Topics;
import org.chorus.signatures.signon.Statements;
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
 * What signatures asks distribution to mail speaks the language the person signed or was invited in, and its links
 * open the pages in that language; dates are written for people, in the statement's time zone.
 */
@ChorusServiceTest
class SignersAreMailedInTheirLanguageTest {
    private static final String ISO_MOMENT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}";

    @LocalServerPort
    int port;

    Http http;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void client() {
        http = new Http("http://localhost:" + port);
    }

    @Test
    void aSignerWhoSignedInArabicIsMailedInArabicWithAManageLinkThatOpensArabicPages() {
        UUID statement = Statements.open(http, "Joint statement", "en", "We call for the release of defenders.");
        Map<String, String> form = Statements.organisation("مركز القاهرة", "EG", "cairo-lang@example.org");
        form.put("lang", "ar");
        assertThat(http.postForm("/sign/" + statement, form).status()).isEqualTo(303);

        MailRequested mail = Statements.mailTo(statement, "signature-confirmation", "cairo-lang@example.org");
        assertThat(mail.language()).isEqualTo("ar");
        String confirmUrl = mail.variables().get("confirmUrl");
        String manageUrl = mail.variables().get("manageUrl");
        assertThat(confirmUrl).endsWith("?lang=ar");
        assertThat(manageUrl).contains("/manage/").endsWith("?lang=ar");

        var confirmPage = http.get(confirmUrl);
        assertThat(confirmPage.body()).contains("lang=\"ar\"", "dir=\"rtl\"");
        var confirmed = http.postForm(confirmUrl, Map.of("lang", "ar"));
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.body()).contains("lang=\"ar\"", "?lang=ar");
        assertThat(http.get(manageUrl).body()).contains("lang=\"ar\"", "اسحب توقيعي");
    }

    @Test
    void aFrenchInviteeSeesTheSignPageInFrenchAndIsMailedInFrenchAfterSigning() {
        UUID statement = Statements.open(http, "Joint statement", "en", "We call for the release of defenders.");
        schedule(statement, "Europe/Paris");
        assertThat(http.postJson(
                                "/api/statements/" + statement + "/invitations",
                                Map.of(
                                        "invitations",
                                        List.of(Map.of(
                                                "organisation",
                                                "Ligue des droits",
                                                "email",
                                                "ldh-invited@example.org",
                                                "language",
                                                "fr"))))
                        .status())
                .isEqualTo(201);
        MailRequested invitation = Statements.mailTo(statement, "invitation", "ldh-invited@example.org");
        assertThat(invitation.language()).isEqualTo("fr");
        assertThat(invitation.variables().get("signUrl")).endsWith("&lang=fr");
        assertThat(invitation.variables().get("declineUrl")).endsWith("&lang=fr");
        String deadline = invitation.variables().get("deadline");
        assertThat(deadline).doesNotContainPattern(ISO_MOMENT).containsPattern("\\d{4} à \\d{2}:\\d{2} UTC\\+[12]");

        var signPage = http.get(invitation.variables().get("signUrl"));
        assertThat(signPage.status()).isEqualTo(200);
        assertThat(signPage.body()).contains("lang=\"fr\"", "name=\"lang\" value=\"fr\"");
        String token = Statements.invitationToken(invitation.variables().get("signUrl"));
        var withoutLanguage = http.get("/sign/" + statement + "?invitation=" + token);
        assertThat(withoutLanguage.status())
                .as("a link mailed before links carried a language")
                .isEqualTo(303);
        assertThat(withoutLanguage.raw().headers().firstValue("Location").orElseThrow())
                .endsWith("&lang=fr");

        Map<String, String> form = Statements.organisation("Ligue des droits", "FR", "ldh-invited@example.org");
        form.put("invitation", token);
        assertThat(http.postForm("/sign/" + statement, form).status()).isEqualTo(303);
        assertThat(Statements.mailTo(statement, "signature-confirmation", "ldh-invited@example.org")
                        .language())
                .as("a form sent without its language still answers in the invitation's")
                .isEqualTo("fr");
    }

    @Test
    void aWithheldSignerIsNeverGreetedWithAnEmptyName() {
        UUID statement = Statements.open(http, "Joint statement", "en", "We call for the release of defenders.");
        Map<String, String> form = Statements.organisation("Quiet Network", "CN", "quiet-lang@example.org");
        form.put("visibility", "WITHHELD");
        form.put("countCountry", "true");
        form.put("lang", "zh");
        assertThat(http.postForm("/sign/" + statement, form).status()).isEqualTo(303);

        MailRequested mail = Statements.mailTo(statement, "signature-confirmation", "quiet-lang@example.org");
        assertThat(mail.language()).isEqualTo("zh");
        assertThat(mail.recipientName()).isNull();
        assertThat(mail.variables()).doesNotContainKeys("signerName", "contactName");
    }

    @Test
    void aSignerIsAskedToReconsentInTheirLanguageWithTheDeadlineWrittenForThem() {
        UUID statement = Statements.open(http, "Joint statement", "en", "We call for the release of defenders.");
        schedule(statement, "Europe/Moscow");
        Map<String, String> form = Statements.organisation("Мемориал", "RU", "memorial-reconsent@example.org");
        form.put("lang", "ru");
        assertThat(http.postForm("/sign/" + statement, form).status()).isEqualTo(303);
        String confirmUrl = Statements.mailTo(statement, "signature-confirmation", "memorial-reconsent@example.org")
                .variables()
                .get("confirmUrl");
        assertThat(http.postForm(confirmUrl, Map.of("lang", "ru")).status()).isEqualTo(200);

        Statements.revise(statement, 2, "Joint statement", "We call for their release now.", "d".repeat(64), true);
        MailRequested reconsent = Statements.mailTo(statement, "reconsent-request", "memorial-reconsent@example.org");
        assertThat(reconsent.language()).isEqualTo("ru");
        assertThat(reconsent.variables().get("reconsentUrl")).endsWith("?lang=ru");
        assertThat(reconsent.variables().get("deadline"))
                .doesNotContainPattern(ISO_MOMENT)
                .containsPattern("\\d{4}\\h+г\\.\\h+в\\h+\\d{2}:\\d{2}\\h+GMT\\+3");
        assertThat(http.get(reconsent.variables().get("reconsentUrl")).body()).contains("lang=\"ru\"");
    }

    /** The coordinator set a schedule in {@code timeZone}, as the statements service announces it. */
    private void schedule(UUID statement, String timeZone) {
        TopicReader.send(
                Topics.STATEMENTS,
                statement.toString(),
                Envelope.of(
                        EventTypes.SCHEDULE_SET,
                        "/statements",
                        statement,
                        Instant.now(),
                        new ScheduleSet(statement, Instant.now().plus(Duration.ofDays(60)), 10, null, timeZone)));
        Eventually.await(
                Statements.WAIT,
                () -> assertThat(jdbc.sql("select time_zone from statement_deadline where statement_id = ?")
                                .param(statement)
                                .query(String.class)
                                .optional())
                        .contains(timeZone));
    }
}
