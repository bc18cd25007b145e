package org.chorus.statements.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.chorus.statements.Api;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every text a coordinator enters goes through the platform's HumanText before it is stored. */
@ChorusServiceTest
class HumanTextAtTheDoorTest {

    @LocalServerPort
    int port;

    @Test
    void aNulCharacterInAnyJsonFieldIsRefusedWith400NamingTheField() {
        Api owner = Api.owner(port);
        String id = owner.draft("NUL checks", "A short text.");

        refusedNaming(
                owner.post("/api/statements", Map.of("title", "Nul\u0000title", "body", "Text", "language", "en")),
                "title");
        refusedNaming(
                owner.post("/api/statements/" + id + "/revisions", Map.of("title", "Fine", "body", "Body\u0000")),
                "body");
        refusedNaming(
                owner.post(
                        "/api/statements/" + id + "/comments",
                        Map.of("startOffset", 0, "endOffset", 1, "body", "\u0000")),
                "body");
        refusedNaming(
                owner.put(
                        "/api/statements/" + id + "/translations/fr",
                        Map.of("title", "Titre\u0000", "body", "Texte", "status", "DRAFT")),
                "title");
        refusedNaming(
                owner.post(
                        "/api/statements/" + id + "/members", Map.of("email", "a\u0000@b.example", "role", "EDITOR")),
                "email");
    }

    @Test
    void aTitleWithALineBreakIsRefusedAndNothingIsStored() {
        Api owner = Api.owner(port);
        String marker = "Planted " + System.nanoTime();

        Http.Response refused = owner.post(
                "/api/statements", Map.of("title", marker + "\n3. Forged line", "body", "Text", "language", "en"));

        refusedNaming(refused, "title");
        assertThat(owner.get("/api/statements").body()).doesNotContain(marker);
    }

    @Test
    void aBodyKeepsItsParagraphsAsLineFeedsAndLosesInvisibleControls() {
        Api owner = Api.owner(port);

        Http.Response created = owner.post(
                "/api/statements",
                Map.of(
                        "title",
                        "\u202EAccio\u0301n\uFEFF",
                        "body",
                        "First paragraph.\r\n\r\nSecond\u200B paragraph.",
                        "language",
                        "en"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("title").asString()).isEqualTo("Acci\u00F3n");
        assertThat(created.json().at("/revision/body").asString()).isEqualTo("First paragraph.\n\nSecond paragraph.");
    }

    private static void refusedNaming(Http.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().at("/errors/0/field").asString()).isEqualTo(field);
    }
}
