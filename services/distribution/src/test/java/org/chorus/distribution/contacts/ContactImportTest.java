package org.chorus.distribution.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chorus.distribution.Fixtures;
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

@ChorusServiceTest
class ContactImportTest {
    private static final String HEADER =
            "name,email,outlet,role,country,language,beat,type,tags,source,consent_basis,accredited\n";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Retention retention;

    @Autowired
    Clock clock;

    Http http;
    HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void client() {
        http = new Http("http://localhost:" + port);
    }

    @Test
    void aCsvWithBadRowsIsRejectedWholeWithAReportAndNothingIsStored() {
        String listId = newList();
        String existing = Mailbox.uniqueAddress("existing");
        http.postJson("/api/contact-lists/" + listId + "/contacts", Map.of("name", "Existing", "email", existing));
        String good = Mailbox.uniqueAddress("good");
        String csv = HEADER
                + "Good Person," + good + ",Le Temps,Editor,CH,fr,human rights,PRESS,geneva;un,conference,consent,yes\n"
                + "Bad Address,not-an-address,,,,,,,,,,\n"
                + "Twice," + good.toUpperCase() + ",,,,,,,,,,\n"
                + "Already There," + existing + ",,,,,,,,,,\n"
                + "Unknown Language," + Mailbox.uniqueAddress("lang") + ",,,,xx,,,,,,\n"
                + "Unknown Country," + Mailbox.uniqueAddress("country") + ",,,QQ,,,,,,,\n"
                + "," + Mailbox.uniqueAddress("nameless") + ",,,,,,,,,,\n";

        var dryRun = postCsv("/api/contact-lists/" + listId + "/imports?dryRun=true", csv);
        assertThat(dryRun.statusCode()).isEqualTo(200);
        JsonNode report = json(dryRun);
        assertThat(report.get("rows").asInt()).isEqualTo(7);
        assertThat(report.get("valid").asInt()).isEqualTo(1);
        assertThat(report.get("imported").asInt()).isZero();
        assertThat(errors(report))
                .containsExactly(
                        "3 email not an e-mail address: not-an-address",
                        "4 email same address as row 2",
                        "5 email already on the list: " + existing,
                        "6 language unknown language 'xx': use ISO 639-1",
                        "7 country unknown country 'QQ': use ISO 3166-1 alpha-2",
                        "8 name must not be blank");
        assertThat(report.get("errors"))
                .as("each problem carries a code that pages translate")
                .extracting(error -> error.get("code").asString())
                .containsExactly("email", "sameEmail", "alreadyOnList", "language", "country", "blank");

        var refused = postCsv("/api/contact-lists/" + listId + "/imports", csv);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(errors(json(refused))).hasSize(6);
        assertThat(http.get("/api/contact-lists/" + listId).json().get("contacts"))
                .hasSize(1);

        var unknownColumn =
                postCsv("/api/contact-lists/" + listId + "/imports", "name,email,shoe size\nA,a@b.org,42\n");
        assertThat(unknownColumn.statusCode()).isEqualTo(422);
        assertThat(postCsv("/api/contact-lists/" + UUID.randomUUID() + "/imports", csv)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aContactAtAnIpAddressOrASingleNameIsRefusedNamingTheFieldByTheApiAndTheImport() {
        String listId = newList();
        for (String address : List.of("a@[127.0.0.1]", "a@[IPv6:::1]", "a@127.0.0.1", "a@localhost")) {
            var refused = http.postJson(
                    "/api/contact-lists/" + listId + "/contacts", Map.of("name", "Nowhere", "email", address));
            assertThat(refused.status()).as(address).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body()).contains("email", "at a domain name");
        }
        var report = json(postCsv(
                "/api/contact-lists/" + listId + "/imports?dryRun=true", HEADER + "Nowhere,a@localhost,,,,,,,,,,\n"));
        assertThat(errors(report))
                .containsExactly(
                        "2 email not at a domain name (an IP address or a name such as localhost): a@localhost");
        assertThat(http.get("/api/contact-lists/" + listId).json().get("contacts"))
                .isEmpty();
    }

    @Test
    void aCleanCsvIsImportedAndExportedBackWithEveryField() throws Exception {
        String listId = newList();
        String amina = Mailbox.uniqueAddress("amina");
        String piotr = Mailbox.uniqueAddress("piotr");
        String csv = HEADER
                + "Amina Reporter," + amina
                + ",\"Le Temps, Genève\",Editor,CH,fr,human rights,PRESS,geneva;un,conference 2025,consent,yes\r\n"
                + "Piotr Adviser," + piotr
                + ",European Parliament,Adviser,PL,pl,china,POLICY,eu,referral,legitimate interest,no\r\n";

        var imported = postCsv("/api/contact-lists/" + listId + "/imports", csv);

        assertThat(imported.statusCode()).isEqualTo(201);
        assertThat(json(imported).get("imported").asInt()).isEqualTo(2);
        var contacts = http.get("/api/contact-lists/" + listId).json().get("contacts");
        assertThat(contacts).hasSize(2);
        assertThat(contacts.get(0).get("outlet").asString()).isEqualTo("Le Temps, Genève");
        assertThat(contacts.get(0).get("accredited").asBoolean()).isTrue();
        assertThat(contacts.get(1).get("type").asString()).isEqualTo("POLICY");

        var export = client.send(
                HttpRequest.newBuilder(URI.create(
                                "http://localhost:" + port + "/api/contact-lists/" + listId + "/contacts.csv"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(export.body().lines()).hasSize(3).allMatch(line -> line.startsWith("\""));
        assertThat(Csv.parse(export.body()))
                .containsExactly(
                        List.of(HEADER.strip().split(",")),
                        List.of(
                                "Amina Reporter",
                                amina,
                                "Le Temps, Genève",
                                "Editor",
                                "CH",
                                "fr",
                                "human rights",
                                "PRESS",
                                "geneva;un",
                                "conference 2025",
                                "consent",
                                "yes"),
                        List.of(
                                "Piotr Adviser",
                                piotr,
                                "European Parliament",
                                "Adviser",
                                "PL",
                                "pl",
                                "china",
                                "POLICY",
                                "eu",
                                "referral",
                                "legitimate interest",
                                "no"));
    }

    @Test
    void aCsvGivesSeveralLanguagesInOrderAndExportsThemBackWhileASingleLanguageStillWorks() {
        String listId = newList();
        String first = Mailbox.uniqueAddress("csv-multi");
        String second = Mailbox.uniqueAddress("csv-single");
        String csv = "name,email,language\nMulti,%s,es;FR\nSingle,%s,fr\n".formatted(first, second);

        var imported = postCsv("/api/contact-lists/" + listId + "/imports", csv);
        assertThat(imported.statusCode()).isEqualTo(201);
        var bad = postCsv(
                "/api/contact-lists/" + listId + "/imports?dryRun=true",
                "name,email,languages\nBad,%s,fr;xx\n".formatted(Mailbox.uniqueAddress("csv-bad")));
        assertThat(json(bad).at("/errors/0/message").asString()).isEqualTo("unknown language 'xx': use ISO 639-1");
        var contacts = http.get("/api/contact-lists/" + listId).json().get("contacts");
        assertThat(contacts.get(0).get("languages").toString()).isEqualTo("[\"es\",\"fr\"]");
        assertThat(contacts.get(0).get("language").asString()).isEqualTo("es");

        String exported =
                http.get("/api/contact-lists/" + listId + "/contacts.csv").body();
        assertThat(exported.lines())
                .anyMatch(line -> line.startsWith("\"Multi\",\"" + first + "\",\"\",\"\",\"\",\"es;fr\","))
                .anyMatch(line -> line.startsWith("\"Single\",\"" + second + "\",\"\",\"\",\"\",\"fr\","));
        var segment = http.postJson(
                "/api/contact-lists/" + listId + "/segments",
                Map.of("name", "Reads French", "languages", List.of("fr")));
        var readers = http.get("/api/contact-lists/" + listId + "/segments/"
                        + segment.json().get("id").asString() + "/contacts")
                .json();
        assertThat(readers.size()).isEqualTo(2);
    }

    @Test
    void aSavedSegmentOfFrenchSpeakingPressIsTheAudienceOfARelease() {
        UUID statementId =
                new Fixtures(http, jdbc).publishedStatement("Free the defenders", "We urge their release.", "en");
        String listId = newList();
        String french = Mailbox.uniqueAddress("fr-press");
        String frenchPolicy = Mailbox.uniqueAddress("fr-policy");
        String english = Mailbox.uniqueAddress("en-press");
        var imported = postCsv(
                "/api/contact-lists/" + listId + "/imports",
                "name,email,language,type,country\n"
                        + "Presse," + french + ",fr,PRESS,FR\n"
                        + "Politique," + frenchPolicy + ",fr,POLICY,FR\n"
                        + "Press," + english + ",en,PRESS,GB\n");
        assertThat(imported.statusCode()).isEqualTo(201);

        var segment = http.postJson(
                "/api/contact-lists/" + listId + "/segments",
                Map.of("name", "French-speaking press", "languages", new String[] {"fr"}, "types", new String[] {"PRESS"
                }));
        assertThat(segment.status()).isEqualTo(201);
        String segmentId = segment.json().get("id").asString();
        var audience = http.get("/api/contact-lists/" + listId + "/segments/" + segmentId + "/contacts");
        assertThat(audience.json()).hasSize(1);
        assertThat(audience.json().get(0).get("email").asString()).isEqualTo(french);
        var saved = http.get("/api/contact-lists/" + listId + "/segments").json();
        assertThat(saved).hasSize(1);
        assertThat(saved.get(0).get("name").asString()).isEqualTo("French-speaking press");
        assertThat(saved.get(0).get("languages").get(0).asString()).isEqualTo("fr");

        var release = http.postJson(
                "/api/releases", Map.of("statementId", statementId, "contactListId", listId, "segmentId", segmentId));
        assertThat(release.status()).isEqualTo(201);
        assertThat(release.json().get("recipients").asInt()).isEqualTo(1);
        new Fixtures(http, jdbc).awaitSent(release.json().get("id").asString(), 1);
        assertThat(Mailbox.messagesTo(french)).hasSize(1);
        assertThat(Mailbox.messagesTo(english)).isEmpty();

        var badSegment = http.postJson(
                "/api/contact-lists/" + listId + "/segments", Map.of("name", "Bad", "languages", new String[] {"xx"}));
        assertThat(badSegment.status()).isEqualTo(400);
        var foreign = http.postJson(
                "/api/releases",
                Map.of("statementId", statementId, "contactListId", newList(), "segmentId", segmentId));
        assertThat(foreign.status()).isIn(404, 422);
    }

    @Test
    void aRemovedContactReceivesNothingAndItsPersonalDataIsDeletedAfterTheRetentionPeriod() throws Exception {
        UUID statementId =
                new Fixtures(http, jdbc).publishedStatement("Free the defenders", "We urge their release.", "en");
        String listId = newList();
        String leaving = Mailbox.uniqueAddress("removed");
        String staying = Mailbox.uniqueAddress("kept");
        String leavingId = http.postJson(
                        "/api/contact-lists/" + listId + "/contacts",
                        Map.of("name", "Removed Person", "email", leaving))
                .json()
                .get("id")
                .asString();
        http.postJson("/api/contact-lists/" + listId + "/contacts", Map.of("name", "Kept Person", "email", staying));

        var removed = client.send(
                HttpRequest.newBuilder(URI.create(
                                "http://localhost:" + port + "/api/contact-lists/" + listId + "/contacts/" + leavingId))
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(removed.statusCode()).isEqualTo(204);
        assertThat(http.get("/api/contact-lists/" + listId).json().get("contacts"))
                .hasSize(1);

        var release = http.postJson("/api/releases", Map.of("statementId", statementId, "contactListId", listId));
        assertThat(release.json().get("recipients").asInt()).isEqualTo(1);
        new Fixtures(http, jdbc).awaitSent(release.json().get("id").asString(), 1);
        assertThat(Mailbox.messagesTo(leaving)).isEmpty();

        retention.purge(clock.instant().plus(Duration.ofDays(29)));
        assertThat(email(leavingId)).isEqualTo(leaving);
        retention.purge(clock.instant().plus(Duration.ofDays(31)));
        assertThat(email(leavingId)).isNull();
        assertThat(jdbc.sql("select name from contact where id = ?")
                        .param(UUID.fromString(leavingId))
                        .query(String.class)
                        .single())
                .isEqualTo("(removed)");
    }

    private String email(String contactId) {
        return jdbc.sql("select email from contact where id = ?")
                .param(UUID.fromString(contactId))
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private static java.util.List<String> errors(JsonNode report) {
        java.util.List<String> errors = new java.util.ArrayList<>();
        for (JsonNode error : report.get("errors")) {
            errors.add(error.get("row").asInt() + " " + error.get("field").asString() + " "
                    + error.get("message").asString());
        }
        return errors;
    }

    private HttpResponse<String> postCsv(String path, String csv) {
        try {
            return client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Content-Type", "text/csv")
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

    private static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.builder().build().readTree(response.body());
    }

    private String newList() {
        return http.postJson("/api/contact-lists", Map.of("name", "List " + UUID.randomUUID()))
                .json()
                .get("id")
                .asString();
    }
}
