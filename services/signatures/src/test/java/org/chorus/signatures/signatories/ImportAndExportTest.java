package org.chorus.signatures.signatories;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.chorus.events.EventTypes;
import org.chorus.events.Topics;
import org.chorus.signatures.signon.Statements;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.TopicReader;
import org.chorus.testsupport.XiamenSeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A coordinator imports the printed signatory block of the seed and exports it back, line for line. */
@ChorusServiceTest
class ImportAndExportTest {
    static final XiamenSeed SEED = XiamenSeed.load();

    @LocalServerPort
    int port;

    Http http;
    UUID statementId;

    @BeforeEach
    void statementOpenForSignature() {
        http = new Http("http://localhost:" + port);
        statementId = Statements.open(http, SEED.title(), "en", SEED.body());
    }

    @Test
    void theSeedsSignatoryBlockIsImportedAndExportedBackIdenticalLineForLine() {
        String block = String.join("\n", rawSeedBlock());

        JsonNode preview = postText("/api/statements/" + statementId + "/imports?preview=true", block);
        assertThat(preview.get("preview").asBoolean()).isTrue();
        assertThat(preview.get("lines").size()).isEqualTo(34);
        JsonNode fidh = preview.get("lines").get(9);
        assertThat(fidh.get("name").asString()).isEqualTo("International Federation for Human Rights (FIDH)");
        assertThat(fidh.get("country").isNull() || fidh.get("country").isMissingNode())
                .isTrue();
        assertThat(fidh.get("qualifier").asString())
                .isEqualTo("within the framework of the Observatory for the Protection of Human Rights Defenders");
        assertThat(preview.get("lines").get(12).get("name").asString()).isEqualTo("Judicial Reform Foundation");
        assertThat(preview.get("lines").get(12).get("country").asString()).isEqualTo("TW");
        assertThat(export("time")).isEmpty();

        JsonNode imported = postText("/api/statements/" + statementId + "/imports", block);
        assertThat(imported.get("imported").asInt()).isEqualTo(34);

        assertThat(export("time")).containsExactlyElementsOf(SEED.signatoryBlock());
        assertThat(TopicReader.awaitEvents(
                        Topics.SIGNATURES, EventTypes.SIGNATURE_CONFIRMED_V2.name(), statementId, Statements.WAIT))
                .hasSize(34);

        List<String> alphabetical = export("alphabetical");
        assertThat(alphabetical.get(0)).isEqualTo("  1. Acción Solidaria (Venezuela)");
        assertThat(alphabetical.get(1)).isEqualTo("  2. Alliance for Citizens Rights");

        String csv =
                http.get("/api/statements/" + statementId + "/signatories.csv").body();
        assertThat(csv.lines().toList()).hasSize(35);
        assertThat(csv)
                .contains(
                        "\"10\",\"International Federation for Human Rights (FIDH)\",\"\",\"\",\"within the framework of the"
                                + " Observatory for the Protection of Human Rights Defenders\",\"ORGANISATION\"",
                        "\"30\",\"Centro de Derechos Humanos Fray Francisco de Vitoria OP, A.C.\",\"MX\",\"Mexico\",\"\","
                                + "\"ORGANISATION\"");
        String pdf =
                Statements.pdfText("http://localhost:" + port + "/api/statements/" + statementId + "/signatories.pdf");
        assertThat(pdf).contains("Lawyers for Lawyers (Netherlands)", "Signatories:");
    }

    @Test
    void unreadableLinesAreShownWithTheirReasonAndNothingIsImported() {
        String block = String.join(
                "\n",
                "  1. Lawyers for Lawyers (Netherlands)",
                "Lawyers Without A Number",
                "  3. Ministry of Truth (Oceania)",
                "  4. (Belgium)");
        JsonNode preview = postText("/api/statements/" + statementId + "/imports?preview=true", block);
        assertThat(preview.get("lines").get(0).get("error").isMissingNode()
                        || preview.get("lines").get(0).get("error").isNull())
                .isTrue();
        assertThat(preview.get("lines").get(1).get("error").asString()).contains("not a numbered entry");
        assertThat(preview.get("lines").get(2).get("error").asString())
                .contains("\"Oceania\" is neither a country's English name nor an acronym");
        assertThat(preview.get("lines").get(3).get("error").asString()).contains("no organisation name");

        var refused = send("/api/statements/" + statementId + "/imports", block);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("nothing was imported", "Lawyers Without A Number");
        assertThat(export("time")).isEmpty();

        assertThat(http.get("/api/statements/" + statementId + "/signatories.txt?order=random")
                        .status())
                .isEqualTo(400);
        assertThat(http.get("/api/statements/" + UUID.randomUUID() + "/signatories.txt")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aListConfirmedWithADraftWaitsAndBecomesItsSignatoriesWhenItOpens() {
        UUID draft = UUID.randomUUID();
        String block = String.join("\n", rawSeedBlock());

        var waiting = send("/api/statements/" + draft + "/imports", block);
        assertThat(waiting.statusCode()).as(waiting.body()).isEqualTo(202);
        assertThat(waiting.body()).contains("\"waiting\":34", "\"imported\":0");
        assertThat(http.get("/api/statements/" + draft + "/imports").body()).contains("\"waiting\":34");

        Statements.open(http, draft, SEED.title(), "en", SEED.body());
        statementId = draft;
        Eventually.await(
                Statements.WAIT, () -> assertThat(export("time")).containsExactlyElementsOf(SEED.signatoryBlock()));
        assertThat(http.get("/api/statements/" + draft + "/imports").body()).contains("\"waiting\":0");
        // the relay's producer may still be sending the second batch of the 34 events (sealed ones fill more than
        // one) when the first is readable: read the topic again until all of them are there
        Eventually.await(
                Statements.WAIT,
                () -> assertThat(TopicReader.awaitEvents(
                                Topics.SIGNATURES, EventTypes.SIGNATURE_CONFIRMED_V2.name(), draft, Statements.WAIT))
                        .hasSize(34));
    }

    @Test
    void aRefusedLineCarriesAMessageCode() {
        var refused = send("/api/statements/" + statementId + "/imports", "  1. Ministry of Truth (Oceania)");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"code\":\"signatories.unreadableLines\"", "\"code\":\"unknownGroup\"");
        var empty = send("/api/statements/" + statementId + "/imports", " \n ");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("\"code\":\"signatories.noLines\"");
    }

    private List<String> export(String order) {
        var answer = http.get("/api/statements/" + statementId + "/signatories.txt?order=" + order);
        assertThat(answer.status()).isEqualTo(200);
        return answer.body().lines().toList();
    }

    /** The block as it is printed in the seed file, trailing no-break spaces included. */
    private static List<String> rawSeedBlock() {
        try (var in = XiamenSeed.class.getResourceAsStream("/seeds/xiamen-statement.txt")) {
            List<String> lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            int start = lines.indexOf("Signatories:") + 1;
            return lines.subList(start, lines.size()).stream()
                    .takeWhile(line -> !line.startsWith("http"))
                    .toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private JsonNode postText(String path, String text) {
        HttpResponse<String> response = send(path, text);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.body());
    }

    private HttpResponse<String> send(String path, String text) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                    .header("Content-Type", "text/plain; charset=utf-8")
                                    .POST(HttpRequest.BodyPublishers.ofString(text))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
