package org.chorus.statements.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chorus.events.Envelope;
import org.chorus.events.EventTypes;
import org.chorus.events.StatementOpened;
import org.chorus.events.Topics;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.TopicReader;
import org.chorus.testsupport.XiamenSeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@ChorusServiceTest
class DraftingTest {
    private static final XiamenSeed XIAMEN = XiamenSeed.load();

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http("http://localhost:" + port);
    }

    @Test
    void coordinatorDraftsTheXiamenStatementAndOpensItForSignature() {
        var created = http.postJson(
                "/api/statements", Map.of("title", XIAMEN.title(), "body", XIAMEN.body(), "language", "en"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.raw().headers().firstValue("Location")).contains("/api/statements/" + id);
        assertThat(created.json().at("/revision/number").asInt()).isEqualTo(1);
        String hash = created.json().at("/revision/contentHash").asString();
        assertThat(hash).hasSize(64).isEqualTo(Revision.contentHash(XIAMEN.title(), XIAMEN.body()));
        assertThat(created.json().get("status").asString()).isEqualTo("DRAFT");

        var opened = http.postJson("/api/statements/" + id + "/open", "");
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.json().get("status").asString()).isEqualTo("OPEN");

        List<Envelope<?>> events = TopicReader.awaitEvents(
                Topics.STATEMENTS, EventTypes.STATEMENT_OPENED.name(), id, Duration.ofSeconds(20));
        assertThat(events).hasSize(1);
        var event = (StatementOpened) events.get(0).data();
        assertThat(event.contentHash()).isEqualTo(hash);
        assertThat(event.text()).isEqualTo(XIAMEN.body());
        assertThat(event.title()).isEqualTo(XIAMEN.title());
        assertThat(events.get(0).source()).isEqualTo("/statements");
    }

    @Test
    void eachSaveIsANewRevisionWithItsOwnHash() {
        String id = draft("Draft title", "First text.");
        var revised = http.postJson(
                "/api/statements/" + id + "/revisions", Map.of("title", "Draft title", "body", "Second text."));
        assertThat(revised.status()).isEqualTo(200);
        assertThat(revised.json().at("/revision/number").asInt()).isEqualTo(2);
        assertThat(revised.json().at("/revision/contentHash").asString())
                .isEqualTo(Revision.contentHash("Draft title", "Second text."))
                .isNotEqualTo(Revision.contentHash("Draft title", "First text."));
    }

    @Test
    void emptyAndOverLongFieldsAreRefusedNamingTheField() {
        var empty = http.postJson("/api/statements", Map.of("title", " ", "body", "Text", "language", "en"));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.contentType()).startsWith("application/problem+json");
        assertThat(empty.json().at("/errors/0/field").asString()).isEqualTo("title");

        var tooLong =
                http.postJson("/api/statements", Map.of("title", "x".repeat(301), "body", "Text", "language", "en"));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().at("/errors/0/field").asString()).isEqualTo("title");

        var unknownLanguage =
                http.postJson("/api/statements", Map.of("title", "Title", "body", "Text", "language", "xx"));
        assertThat(unknownLanguage.status()).isEqualTo(400);
        assertThat(unknownLanguage.json().get("detail").asString()).contains("Unknown language 'xx'");

        var malformed = http.postJson("/api/statements", "{not json");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
    }

    @Test
    void unknownAndForgedIdsAreNotFoundOrBadRequest() {
        var unknown = http.get("/api/statements/" + UUID.randomUUID());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(http.postJson("/api/statements/" + UUID.randomUUID() + "/open", "")
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/api/statements/not-a-uuid").status()).isEqualTo(400);
    }

    @Test
    void anOpenStatementCannotBeOpenedAgainNorRewrittenAndKeepsItsText() {
        String id = draft("Open me", "The text people sign.");
        http.postJson("/api/statements/" + id + "/open", "");

        var again = http.postJson("/api/statements/" + id + "/open", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("already open");

        var rewrite = http.postJson(
                "/api/statements/" + id + "/revisions", Map.of("title", "Open me", "body", "A different text."));
        assertThat(rewrite.status()).isEqualTo(409);

        var current = http.get("/api/statements/" + id).json();
        assertThat(current.at("/revision/number").asInt()).isEqualTo(1);
        assertThat(current.at("/revision/body").asString()).isEqualTo("The text people sign.");
    }

    private String draft(String title, String body) {
        return http.postJson("/api/statements", Map.of("title", title, "body", body, "language", "en"))
                .json()
                .get("id")
                .asString();
    }
}
