package org.chorus.statements.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chorus.events.Envelope;
import org.chorus.events.EventTypes;
import org.chorus.events.StatementDrafted;
import org.chorus.events.StatementOpened;
import org.chorus.events.Topics;
import org.chorus.statements.Api;
import org.chorus.testsupport.ChorusServiceTest;
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

    Api api;

    @BeforeEach
    void client() {
        api = Api.owner(port);
    }

    @Test
    void coordinatorDraftsTheXiamenStatementAndOpensItForSignature() {
        var created = api.post(
                "/api/statements",
                Map.of(
                        "title", XIAMEN.title(),
                        "body", XIAMEN.body(),
                        "language", "en",
                        "summary", "34 organisations on the Xiamen gathering crackdown",
                        "coalition", "Safeguard Defenders and partners",
                        "pressContact", "press@coalition.example"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.raw().headers().firstValue("Location")).contains("/api/statements/" + id);
        assertThat(created.json().at("/revision/number").asInt()).isEqualTo(1);
        String hash = created.json().at("/revision/contentHash").asString();
        assertThat(hash).hasSize(64).isEqualTo(Revision.contentHash(XIAMEN.title(), XIAMEN.body()));
        assertThat(created.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(created.json().get("role").asString()).isEqualTo("OWNER");
        assertThat(created.json().get("slug").asString()).startsWith("joint-civil-society-statement-on-the-fifth");
        assertThat(created.json().get("coalition").asString()).isEqualTo("Safeguard Defenders and partners");

        var opened = api.post("/api/statements/" + id + "/open", "");
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
        var drafted = (StatementDrafted) TopicReader.awaitEvents(
                        Topics.STATEMENTS, EventTypes.STATEMENT_DRAFTED.name(), id, Duration.ofSeconds(20))
                .get(0)
                .data();
        assertThat(drafted.contentHash()).isEqualTo(hash);
    }

    @Test
    void eachSaveIsANewRevisionWithItsOwnHashAuthorAndKind() {
        String id = api.draft("Draft title", "First text.");
        var revised = api.post(
                "/api/statements/" + id + "/revisions",
                Map.of("title", "Draft title", "body", "First text, corrected.", "material", false));
        assertThat(revised.status()).isEqualTo(200);
        assertThat(revised.json().at("/revision/number").asInt()).isEqualTo(2);
        assertThat(revised.json().at("/revision/material").asBoolean()).isFalse();
        assertThat(revised.json().at("/revision/authorId").asString()).isNotBlank();
        assertThat(revised.json().at("/revision/contentHash").asString())
                .isEqualTo(Revision.contentHash("Draft title", "First text, corrected."))
                .isNotEqualTo(Revision.contentHash("Draft title", "First text."));
        var revisions = api.get("/api/statements/" + id + "/revisions").json();
        assertThat(revisions.size()).isEqualTo(2);
        assertThat(revisions.get(0).get("body").asString()).isEqualTo("First text.");
    }

    @Test
    void aPastedStatementBecomesADraftWithoutItsSignatoryBlock() {
        String pasted = XIAMEN.title() + "\n\n" + XIAMEN.body() + "\n\nSignatories:\n\n"
                + String.join("\n", XIAMEN.signatoryBlock()) + "\n";
        var created = api.post("/api/statements/from-text", Map.of("text", pasted, "language", "en"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("title").asString()).isEqualTo(XIAMEN.title());
        assertThat(created.json().at("/revision/body").asString()).isEqualTo(XIAMEN.body());
        assertThat(created.json().at("/revision/body").asString())
                .contains("Rescind the travel bans")
                .doesNotContain("Amnesty International");

        var titleOnly = api.post("/api/statements/from-text", Map.of("text", "Only a title", "language", "en"));
        assertThat(titleOnly.status()).isEqualTo(400);
        assertThat(titleOnly.json().at("/errors/0/field").asString()).isEqualTo("text");
    }

    @Test
    void aStatementCopiedFromABlogPageTakesItsHeadingAsTitleNotTheTagCaptionAbove() throws Exception {
        String clipped;
        try (var in = XiamenSeed.class.getResourceAsStream("/seeds/xiamen-statement.txt")) {
            clipped = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(clipped).startsWith("Posts Tagged");
        var preview = api.post("/api/statements/from-text?preview=true", Map.of("text", clipped, "language", "en"));
        assertThat(preview.json().get("title").asString()).isEqualTo(XIAMEN.title());
        assertThat(preview.json().get("body").asString()).doesNotContain("Posts Tagged");

        var labelled = api.post(
                "/api/statements/from-text?preview=true",
                Map.of("text", "Category: Statements\nHome\n\nFree them all\n\nWe call for it.", "language", "en"));
        assertThat(labelled.json().get("title").asString()).isEqualTo("Free them all");
        var real = api.post(
                "/api/statements/from-text?preview=true",
                Map.of("text", "Search for the disappeared must go on\n\nWe call for it.", "language", "en"));
        assertThat(real.json().get("title").asString()).isEqualTo("Search for the disappeared must go on");
    }

    @Test
    void aPastedStatementIsPreviewedWithItsSignatoryListReadLineByLineAndNothingIsStored() {
        int before = api.get("/api/statements").json().size();
        String pasted = XIAMEN.title() + "\n\n" + XIAMEN.body() + "\n\nSignatories:\n\n"
                + String.join("\n", XIAMEN.signatoryBlock()) + "\n\nhttps://ishr.ch/latest-updates\n\nNext post\n";
        var preview = api.post("/api/statements/from-text?preview=true", Map.of("text", pasted, "language", "en"));
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.json().get("title").asString()).isEqualTo(XIAMEN.title());
        assertThat(preview.json().get("body").asString()).isEqualTo(XIAMEN.body());
        assertThat(preview.json().get("lines").size()).isEqualTo(34);
        assertThat(preview.json().at("/lines/12/name").asString()).isEqualTo("Judicial Reform Foundation");
        assertThat(preview.json().at("/lines/12/country").asString()).isEqualTo("TW");
        assertThat(preview.json().get("leftOut").asInt()).isEqualTo(2);
        assertThat(api.get("/api/statements").json().size()).isEqualTo(before);

        var refused = api.post(
                "/api/statements/from-text?preview=true",
                Map.of(
                        "text",
                        "Title\n\nText.\n\nSignatories:\n\n  1. Ministry of Truth (Oceania)\nNo number\n",
                        "language",
                        "en"));
        assertThat(refused.json().at("/lines/0/code").asString()).isEqualTo("unknownGroup");
        assertThat(refused.json().at("/lines/1/code").asString()).isEqualTo("notNumbered");

        var titleOnly =
                api.post("/api/statements/from-text?preview=true", Map.of("text", "Only a title", "language", "en"));
        assertThat(titleOnly.status()).isEqualTo(400);
        assertThat(titleOnly.json().get("code").asString()).isEqualTo("pasted.noBody");
    }

    @Test
    void emptyAndOverLongFieldsAreRefusedNamingTheField() {
        int before = api.get("/api/statements").json().size();
        var empty = api.post("/api/statements", Map.of("title", " ", "body", "Text", "language", "en"));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.contentType()).startsWith("application/problem+json");
        assertThat(empty.json().at("/errors/0/field").asString()).isEqualTo("title");

        var tooLong = api.post("/api/statements", Map.of("title", "x".repeat(301), "body", "Text", "language", "en"));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().at("/errors/0/field").asString()).isEqualTo("title");

        var unknownLanguage = api.post("/api/statements", Map.of("title", "Title", "body", "Text", "language", "xx"));
        assertThat(unknownLanguage.status()).isEqualTo(400);
        assertThat(unknownLanguage.json().get("detail").asString()).contains("Unknown language 'xx'");
        assertThat(unknownLanguage.json().at("/errors/0/field").asString()).isEqualTo("language");

        var badSlug = api.post(
                "/api/statements", Map.of("title", "Title", "body", "Text", "language", "en", "slug", "Not A Slug"));
        assertThat(badSlug.status()).isEqualTo(400);
        assertThat(badSlug.json().at("/errors/0/field").asString()).isEqualTo("slug");

        var malformed = api.post("/api/statements", "{not json");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");

        assertThat(api.get("/api/statements").json().size()).isEqualTo(before);
    }

    @Test
    void unknownAndForgedIdsAreNotFoundOrBadRequest() {
        var unknown = api.get("/api/statements/" + UUID.randomUUID());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(api.post("/api/statements/" + UUID.randomUUID() + "/open", "")
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/statements/not-a-uuid").status()).isEqualTo(400);
    }

    @Test
    void anOpenStatementCannotBeOpenedAgainAndAPublishedOneKeepsItsText() {
        String id = api.draft("Open me", "The text people sign.");
        api.post("/api/statements/" + id + "/open", "");

        var again = api.post("/api/statements/" + id + "/open", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("already open");

        api.post("/api/statements/" + id + "/close", "");
        api.post("/api/statements/" + id + "/publish", "");
        var rewrite = api.post(
                "/api/statements/" + id + "/revisions", Map.of("title", "Open me", "body", "A different text."));
        assertThat(rewrite.status()).isEqualTo(409);
        assertThat(rewrite.json().get("detail").asString()).contains("erratum");

        var current = api.get("/api/statements/" + id).json();
        assertThat(current.at("/revision/number").asInt()).isEqualTo(1);
        assertThat(current.at("/revision/body").asString()).isEqualTo("The text people sign.");
    }
}
