package org.chorus.signatures.signon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A confirmation that commits here after sign-on ended but before the close event arrived: once the close names the
 * earlier end, signatures reads it by the same rule as tracking and distribution (SignOnEnd): not counted.
 */
@ChorusServiceTest
class ConfirmationRacingTheCloseTest {

    @LocalServerPort
    int port;

    @Test
    void aConfirmationThatRacedTheCloseReadsAsNotCountedInTheListTheExportsAndOnTheSignersPages() throws Exception {
        Http http = new Http("http://localhost:" + port);
        UUID statementId = Statements.open(http, "Raced statement", "en", "Text.");
        Statements.signAndConfirm(
                http, statementId, Statements.organisation("In Time Coalition", "NL", "in-time@race.example"));
        Instant ended = Instant.now();
        Thread.sleep(20);
        String racingConfirmUrl = Statements.signAndConfirm(
                http, statementId, Statements.organisation("Racing Coalition", "BE", "racing@race.example"));

        Statements.close(statementId, ended);
        Eventually.await(
                Statements.WAIT,
                () -> assertThat(http.get("/sign/" + statementId).status()).isEqualTo(409));

        JsonNode list =
                http.get("/api/statements/" + statementId + "/signatures").json();
        assertThat(list).hasSize(2);
        for (JsonNode entry : list) {
            boolean racing = entry.get("name").asString().equals("Racing Coalition");
            assertThat(entry.get("status").asString()).isEqualTo("CONFIRMED");
            assertThat(entry.get("confirmedAfterSignOnEnded").asBoolean())
                    .as(entry.get("name").asString())
                    .isEqualTo(racing);
        }

        String api = "/api/statements/" + statementId;
        assertThat(http.get(api + "/signatories.txt").body()).isEqualTo("  1. In Time Coalition (Netherlands)\n");
        assertThat(http.get(api + "/signatories.csv").body())
                .contains("In Time Coalition")
                .doesNotContain("Racing");
        assertThat(Statements.pdfText("http://localhost:" + port + api + "/signatories.pdf"))
                .contains("In Time Coalition")
                .doesNotContain("Racing");

        String manageUrl = racingConfirmUrl.replace("/confirm/", "/manage/");
        assertThat(http.get(manageUrl).body())
                .contains("Your confirmation arrived after sign-on ended, so your signature is not counted");
        assertThat(http.get(Statements.inLanguage(manageUrl, "ar")).body())
                .contains("وصل تأكيدك بعد انتهاء جمع التوقيعات");
        var again = http.get(Statements.inLanguage(racingConfirmUrl, "ru"));
        assertThat(again.body())
                .contains("Ваше подтверждение пришло после окончания сбора подписей")
                .doesNotContain("Она учитывается");
        assertThat(http.postForm(racingConfirmUrl, Map.of()).body()).contains("is not counted");
    }

    @Test
    void aConfirmationAfterSignOnEndedIsNotAmongTheConfirmedAndCannotBeApproved() throws Exception {
        Http http = new Http("http://localhost:" + port);
        UUID statementId = Statements.open(http, "Moderated raced statement", "en", "Text.");
        Statements.signAndConfirm(
                http, statementId, Statements.organisation("Prompt Coalition", "NL", "prompt@race.example"));
        Instant ended = Instant.now();
        Thread.sleep(20);
        Statements.signAndConfirm(
                http, statementId, Statements.organisation("Tardy Coalition", "BE", "tardy@race.example"));
        Statements.close(statementId, ended);
        String api = "/api/statements/" + statementId + "/signatures";
        Eventually.await(
                Statements.WAIT,
                () -> assertThat(http.get(api + "?status=AFTER_SIGN_ON_ENDED").json())
                        .hasSize(1));

        assertThat(http.get(api + "?status=CONFIRMED").json())
                .extracting(entry -> entry.get("name").asString())
                .containsExactly("Prompt Coalition");
        JsonNode late = http.get(api + "?status=AFTER_SIGN_ON_ENDED").json().get(0);
        assertThat(late.get("name").asString()).isEqualTo("Tardy Coalition");
        assertThat(late.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(http.get(api).json()).hasSize(2);
        var unknown = http.get(api + "?status=COUNTED");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.json().get("code").asString()).isEqualTo("signatures.unknownStatus");

        String prompt =
                http.get(api + "?status=CONFIRMED").json().get(0).get("id").asString();
        String tardy = late.get("id").asString();
        JsonNode queue =
                http.get("/api/statements/" + statementId + "/moderation").json();
        assertThat(queue).hasSize(2);
        for (JsonNode candidate : queue) {
            JsonNode signature = candidate.get("signature");
            assertThat(signature.get("confirmedAfterSignOnEnded").asBoolean())
                    .as("the moderation queue marks %s", signature.get("name").asString())
                    .isEqualTo(signature.get("id").asString().equals(tardy));
        }
        assertThat(http.postJson(api + "/" + prompt + "/approval", "").status()).isEqualTo(204);
        var approval = http.postJson(api + "/" + tardy + "/approval", "");
        assertThat(approval.status()).isEqualTo(409);
        assertThat(approval.json().get("code").asString()).isEqualTo("confirmedAfterSignOnEnded");
        assertThat(http.get(api + "?status=CONFIRMED").json()).hasSize(1);
    }
}
