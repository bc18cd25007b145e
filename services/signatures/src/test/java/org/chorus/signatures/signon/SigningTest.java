package org.chorus.signatures.signon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chorus.events.Envelope;
import org.chorus.events.EventTypes;
import org.chorus.events.SealedMailRequested;
import org.chorus.events.Topics;
import org.chorus.platform.sealing.DevelopmentKeys;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@ChorusServiceTest
class SigningTest {
    private static final Duration WAIT = Statements.WAIT;
    private static final String HASH = Statements.HASH;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http http;
    UUID statementId;

    @BeforeEach
    void statementOpenForSignature() {
        http = new Http("http://localhost:" + port);
        statementId = Statements.open(http, "Free the defenders", "en", "The text everyone signs.");
    }

    @Test
    void organisationSignsAndConfirmsThroughTheLinkInItsMail() {
        var page = http.get("/sign/" + statementId);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Free the defenders", "The text everyone signs.", HASH.substring(0, 12));

        var submitted = http.postForm("/sign/" + statementId, form("Lawyers for Lawyers", "NL", "l4l@example.org"));
        assertThat(submitted.status()).isEqualTo(303);
        assertThat(submitted.raw().headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/sign/" + statementId + "/sent"));
        assertThat(http.get("/sign/" + statementId + "/sent").body()).contains("Check your e-mail");

        String confirmUrl = confirmUrlMailedTo("l4l@example.org");
        var confirmPage = http.get(confirmUrl);
        assertThat(confirmPage.status()).isEqualTo(200);
        assertThat(confirmPage.body()).contains("Confirm your signature", "Lawyers for Lawyers");
        assertThat(pendingOrConfirmed("l4l@example.org")).isEqualTo("PENDING");

        var confirmed = http.postForm(confirmUrl, Map.of());
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Signature confirmed");

        var event = Statements.confirmations(statementId).get(0);
        assertThat(event.name()).isEqualTo("Lawyers for Lawyers");
        assertThat(event.country()).isEqualTo("NL");
        assertThat(event.revisionHash()).isEqualTo(HASH);
    }

    @Test
    void aReusedConfirmationLinkChangesNothingAndSaysSo() {
        http.postForm("/sign/" + statementId, form("PEN America", "US", "pen@example.org"));
        String confirmUrl = confirmUrlMailedTo("pen@example.org");
        assertThat(http.postForm(confirmUrl, Map.of()).status()).isEqualTo(200);

        var again = http.postForm(confirmUrl, Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("already confirmed");
        assertThat(http.get(confirmUrl).body()).contains("already confirmed");

        List<Envelope<?>> confirmations =
                TopicReader.awaitEvents(Topics.SIGNATURES, EventTypes.SIGNATURE_CONFIRMED_V2.name(), statementId, WAIT);
        assertThat(confirmations).hasSize(1);
    }

    @Test
    void aForgedConfirmationLinkIsNotValid() {
        var forged = http.get("/confirm/" + "x".repeat(43));
        assertThat(forged.status()).isEqualTo(404);
        assertThat(forged.body()).contains("Link not valid");
        assertThat(http.postForm("/confirm/forged", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void unknownStatementsShowAPageMessage() {
        var unknown = http.get("/sign/" + UUID.randomUUID());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("Statement not found");
        assertThat(http.get("/sign/not-an-id").status()).isEqualTo(404);
        assertThat(http.postForm("/sign/" + UUID.randomUUID(), form("Org", "", "org@example.org"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void incompleteFormsAreShownAgainWithTheEnteredValuesAndNothingIsStored() {
        Map<String, String> bad = form("", "ZZ", "not-an-address");
        bad.remove("authorised");
        bad.put("qualifier", "within the framework of the Observatory");
        var answer = http.postForm("/sign/" + statementId, bad);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body())
                .contains(
                        "Please enter the organisation&#39;s name.",
                        "Please enter a valid e-mail address.",
                        "Please choose a country from the list.",
                        "Please confirm that you may sign for this organisation.",
                        "value=\"within the framework of the Observatory\"");

        var tooLong = http.postForm("/sign/" + statementId, form("x".repeat(201), "", "long@example.org"));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("under 200 characters");
        assertThat(signaturesOf(statementId)).isZero();
    }

    @Test
    void namesPastedWithNoBreakSpacesAreTrimmedAndBlankOnesRefused() {
        var blank = http.postForm("/sign/" + statementId, form("\u00a0 \u00a0", "", "blank@example.org"));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(signaturesOf(statementId)).isZero();

        var pasted = http.postForm(
                "/sign/" + statementId, form("Judicial Reform Foundation\u00a0 ", "TW", "\u00a0jrf@example.org "));
        assertThat(pasted.status()).isEqualTo(303);
        assertThat(jdbc.sql("select name || '|' || email from signature where statement_id = ?")
                        .param(statementId)
                        .query(String.class)
                        .single())
                .isEqualTo("Judicial Reform Foundation|jrf@example.org");
    }

    @Test
    void aSignerWhoReadAnOlderTextIsAskedToReadAgain() {
        Map<String, String> stale = form("Tibet Justice Center", "US", "tjc@example.org");
        stale.put("revisionHash", "b".repeat(64));
        var answer = http.postForm("/sign/" + statementId, stale);
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.body()).contains("The text changed", "value=\"Tibet Justice Center\"");
        assertThat(signaturesOf(statementId)).isZero();
    }

    @Test
    void botsFillingTheHoneypotAreNotStored() {
        Map<String, String> bot = form("Spam Org", "", "bot@example.org");
        bot.put("website", "http://spam.example");
        assertThat(http.postForm("/sign/" + statementId, bot).status()).isEqualTo(303);
        assertThat(signaturesOf(statementId)).isZero();
    }

    @Test
    void theSignOnPageLoadsNothingFromElsewhereAndNeedsNoJavaScript() {
        var page = http.get("/sign/" + statementId);
        assertThat(page.body()).doesNotContain("<script").doesNotContainPattern("(src|href)=\"https?://");
        assertThat(page.raw().headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'"));
        assertThat(page.raw().headers().firstValue("Referrer-Policy")).contains("no-referrer");
    }

    @Test
    void aMalformedStatementEventGoesToTheDeadLetterTopicAndLaterStatementsStillOpen() {
        String poison = "{\"broken\": " + UUID.randomUUID();
        TopicReader.send(Topics.STATEMENTS, "poison", poison);
        assertThat(TopicReader.awaitValues(Topics.deadLetter(Topics.STATEMENTS), poison::equals, WAIT))
                .hasSize(1);

        UUID later = Statements.open(http, "Later statement", "en", "Still flowing.");
        assertThat(http.get("/sign/" + later).status()).isEqualTo(200);
    }

    private Map<String, String> form(String name, String country, String email) {
        Map<String, String> form = new HashMap<>();
        form.put("name", name);
        form.put("country", country);
        form.put("qualifier", "");
        form.put("contactName", "Amina Diallo");
        form.put("email", email);
        form.put("authorised", "true");
        form.put("revisionHash", HASH);
        form.put("website", "");
        return form;
    }

    private String confirmUrlMailedTo(String address) {
        return TopicReader.awaitEvents(Topics.MAIL_REQUESTS, EventTypes.MAIL_REQUESTED_V2.name(), statementId, WAIT)
                .stream()
                .map(envelope ->
                        DevelopmentKeys.mailOpener().open(envelope.subject(), (SealedMailRequested) envelope.data()))
                .filter(request -> request.recipientAddress().equals(address))
                .findFirst()
                .orElseThrow()
                .variables()
                .get("confirmUrl");
    }

    private String pendingOrConfirmed(String email) {
        return jdbc.sql("select status from signature where email = ? and statement_id = ?")
                .params(email, statementId)
                .query(String.class)
                .single();
    }

    private int signaturesOf(UUID statement) {
        return jdbc.sql("select count(*) from signature where statement_id = ?")
                .param(statement)
                .query(Integer.class)
                .single();
    }
}
