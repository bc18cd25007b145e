package org.chorus.signatures.signon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chorus.events.EventTypes;
import org.chorus.events.SignatureWithdrawn;
import org.chorus.events.Topics;
import org.chorus.events.Visibility;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The personal link in the confirmation mail: correct or withdraw until publication; expiry of unconfirmed ones. */
@ChorusServiceTest
class ManagingASignatureTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SignOn signOn;

    Http http;
    UUID statementId;

    @BeforeEach
    void statementOpenForSignature() {
        http = new Http("http://localhost:" + port);
        statementId = Statements.open(http, "Stop the crackdown", "en", "We ask for an end to the crackdown.");
    }

    @Test
    void signerCorrectsTheirCountryThenWithdrawsBeforePublication() {
        Statements.signAndConfirm(
                http, statementId, Statements.organisation("Safeguard Defenders", "SE", "sd@example.org"));
        String manageUrl = Statements.mailTo(statementId, "signature-confirmation", "sd@example.org")
                .variables()
                .get("manageUrl");

        var page = http.get(manageUrl);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Your signature", "value=\"Safeguard Defenders\"", "Withdraw my signature");

        var corrected = http.postForm(
                manageUrl,
                Map.of("name", "Safeguard Defenders", "country", "ES", "qualifier", "", "visibility", "PUBLIC"));
        assertThat(corrected.status()).isEqualTo(200);
        assertThat(corrected.body()).contains("Your correction is saved.");
        var correction = Statements.corrections(statementId).get(0);
        assertThat(correction.country()).isEqualTo("ES");
        assertThat(correction.visibility()).isEqualTo(Visibility.PUBLIC);

        var withdrawn = http.postForm(Statements.below(manageUrl, "/withdrawal"), Map.of());
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.body()).contains("Signature withdrawn");
        var withdrawal = (SignatureWithdrawn) TopicReader.awaitEvents(
                        Topics.SIGNATURES, EventTypes.SIGNATURE_WITHDRAWN.name(), statementId, Statements.WAIT)
                .get(0)
                .data();
        assertThat(http.get(manageUrl).status()).isEqualTo(410);

        var signature = http.get("/api/statements/" + statementId + "/signatures")
                .json()
                .get(0);
        assertThat(signature.get("id").asString())
                .isEqualTo(withdrawal.signatureId().toString());
        assertThat(signature.get("status").asString()).isEqualTo("WITHDRAWN");
        var audit = http.get("/api/statements/" + statementId + "/signatures/" + withdrawal.signatureId() + "/audit")
                .json();
        List<String> actions =
                audit.valueStream().map(entry -> entry.get("action").asString()).toList();
        assertThat(actions).containsExactly("SUBMITTED", "CONFIRMED", "CORRECTED", "WITHDRAWN");
        assertThat(audit.get(2).get("detail").asString()).isEqualTo("country");
    }

    @Test
    void aPublicSignerChoosesToBeWithheldAndTheirNameLeavesTheDatabase() {
        Statements.signAndConfirm(
                http, statementId, Statements.organisation("Second Thoughts Org", "TW", "st@example.org"));
        String manageUrl = Statements.mailTo(statementId, "signature-confirmation", "st@example.org")
                .variables()
                .get("manageUrl");
        var answer = http.postForm(
                manageUrl,
                Map.of(
                        "name",
                        "Second Thoughts Org",
                        "country",
                        "TW",
                        "visibility",
                        "WITHHELD",
                        "countCountry",
                        "true"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).doesNotContain("Second Thoughts Org");

        var correction = Statements.corrections(statementId).get(0);
        assertThat(correction.name()).isNull();
        assertThat(correction.visibility()).isEqualTo(Visibility.WITHHELD);
        assertThat(correction.country()).isEqualTo("TW");
        assertThat(jdbc.sql("select count(*) from signature where statement_id = ? and name is null and email is null")
                        .param(statementId)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(http.get("/api/statements/" + statementId + "/signatures")
                        .json()
                        .get(0)
                        .get("name")
                        .asString())
                .isEqualTo("Second Thoughts Org");
    }

    @Test
    void aBadCorrectionIsShownAgainAndChangesNothing() {
        Statements.signAndConfirm(http, statementId, Statements.organisation("Tibet Watch", "GB", "tw@example.org"));
        String manageUrl = Statements.mailTo(statementId, "signature-confirmation", "tw@example.org")
                .variables()
                .get("manageUrl");
        var answer = http.postForm(
                manageUrl, Map.of("name", "", "country", "ZZ", "qualifier", "kept text", "visibility", "PUBLIC"));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body())
                .contains(
                        "Please enter the name to show.",
                        "Please choose a country from the list.",
                        "value=\"kept text\"");
        assertThat(jdbc.sql("select name || '|' || country from signature where statement_id = ?")
                        .param(statementId)
                        .query(String.class)
                        .single())
                .isEqualTo("Tibet Watch|GB");
    }

    @Test
    void afterPublicationTheLinkNoLongerChangesAnything() {
        Statements.signAndConfirm(
                http, statementId, Statements.organisation("PEN Hong Kong", "HK", "pen-hk@example.org"));
        String manageUrl = Statements.mailTo(statementId, "signature-confirmation", "pen-hk@example.org")
                .variables()
                .get("manageUrl");
        Statements.publish(statementId, 1, Statements.HASH);

        Eventually.await(
                Statements.WAIT, () -> assertThat(http.get(manageUrl).status()).isEqualTo(409));
        assertThat(http.get(manageUrl).body()).contains("Statement already published");
        assertThat(http.postForm(Statements.below(manageUrl, "/withdrawal"), Map.of())
                        .status())
                .isEqualTo(409);
        assertThat(status()).isEqualTo("CONFIRMED");
    }

    @Test
    void aForgedPersonalLinkIsNotValid() {
        assertThat(http.get("/manage/" + "f".repeat(43)).status()).isEqualTo(404);
        assertThat(http.postForm("/manage/forged/withdrawal", Map.of()).status())
                .isEqualTo(404);
    }

    @Test
    void unconfirmedSignaturesAreDeletedWhenTheirTimeRunsOutAndTheirLinkStopsWorking() {
        assertThat(http.postForm("/sign/" + statementId, Statements.organisation("Late Org", "FR", "late@example.org"))
                        .status())
                .isEqualTo(303);
        String confirmUrl = Statements.mailTo(statementId, "signature-confirmation", "late@example.org")
                .variables()
                .get("confirmUrl");

        signOn.expireUnconfirmed(Instant.now().plus(Duration.ofDays(6)));
        assertThat(status()).isEqualTo("PENDING");

        signOn.expireUnconfirmed(Instant.now().plus(Duration.ofDays(8)));
        assertThat(jdbc.sql("select count(*) from signature where statement_id = ?")
                        .param(statementId)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(http.get(confirmUrl).status()).isEqualTo(404);
    }

    private String status() {
        return jdbc.sql("select status from signature where statement_id = ?")
                .param(statementId)
                .query(String.class)
                .single();
    }
}
