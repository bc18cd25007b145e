package org.chorus.statements.translations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.chorus.statements.Api;
import org.chorus.testsupport.ChorusServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ChorusServiceTest
class TranslationRevisionsTest {

    @LocalServerPort
    int port;

    @Test
    void everySaveOfATranslationIsKeptWithItsHashAuthorAndSourceAndTheCurrentOneIsMarked() {
        Api api = Api.owner(port);
        String ownerId = api.get("/api/me").json().get("id").asString();
        String id = api.draft("Versioned", "We urge the release of all defenders.");
        String path = "/api/statements/" + id + "/translations/fr";
        Instant before = Instant.now();

        var first =
                api.put(path, Map.of("title", "Versionné", "body", "Nous demandons la libération.", "status", "DRAFT"));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("revision").asInt()).isEqualTo(1);
        var second = api.put(
                path,
                Map.of(
                        "title",
                        "Versionné",
                        "body",
                        "Nous demandons la libération de tous les défenseurs.",
                        "status",
                        "REVIEWED"));
        assertThat(second.json().get("revision").asInt()).isEqualTo(2);
        var refused = api.put(path, Map.of("title", "", "body", "Vide", "status", "FINAL"));
        assertThat(refused.status()).isEqualTo(400);

        var revisions = api.get(path + "/revisions");
        assertThat(revisions.status()).isEqualTo(200);
        assertThat(revisions.json().size())
                .as("the refused save left no revision")
                .isEqualTo(2);
        JsonNode latest = revisions.json().get(0);
        JsonNode earliest = revisions.json().get(1);
        assertThat(latest.get("number").asInt()).isEqualTo(2);
        assertThat(latest.get("current").asBoolean()).isTrue();
        assertThat(latest.get("status").asString()).isEqualTo("REVIEWED");
        assertThat(latest.get("body").asString()).isEqualTo("Nous demandons la libération de tous les défenseurs.");
        assertThat(latest.get("contentHash").asString())
                .isEqualTo(sha256("Versionné\n\nNous demandons la libération de tous les défenseurs."));
        assertThat(latest.get("authorId").asString()).isEqualTo(ownerId);
        assertThat(latest.get("language").asString()).isEqualTo("fr");
        assertThat(latest.get("sourceRevision").asInt()).isEqualTo(1);
        assertThat(Instant.parse(latest.get("createdAt").asString())).isAfterOrEqualTo(before.minusSeconds(5));
        assertThat(earliest.get("number").asInt()).isEqualTo(1);
        assertThat(earliest.get("current").asBoolean()).isFalse();
        assertThat(earliest.get("status").asString()).isEqualTo("DRAFT");
        assertThat(earliest.get("body").asString()).isEqualTo("Nous demandons la libération.");
        assertThat(api.get(path + "/revisions/1").json().get("contentHash").asString())
                .isEqualTo(sha256("Versionné\n\nNous demandons la libération."));

        api.post(
                "/api/statements/" + id + "/revisions",
                Map.of("title", "Versioned", "body", "We urge the release of all defenders .", "material", false));
        assertThat(api.get(path + "/revisions").json().get(0).get("stale").asBoolean())
                .as("an editorial revision leaves the translation fresh")
                .isFalse();
        api.post(
                "/api/statements/" + id + "/revisions",
                Map.of("title", "Versioned", "body", "We urge the immediate release of all defenders."));
        assertThat(api.get(path).json().get("stale").asBoolean()).isTrue();
        api.get(path + "/revisions")
                .json()
                .forEach(revision ->
                        assertThat(revision.get("stale").asBoolean()).isTrue());

        var third = api.put(
                path,
                Map.of(
                        "title",
                        "Versionné",
                        "body",
                        "Nous demandons la libération immédiate de tous les défenseurs.",
                        "status",
                        "FINAL"));
        assertThat(third.json().get("revision").asInt()).isEqualTo(3);
        var after = api.get(path + "/revisions").json();
        assertThat(after.size()).isEqualTo(3);
        assertThat(after.get(0).get("sourceRevision").asInt()).isEqualTo(3);
        assertThat(after.get(0).get("current").asBoolean()).isTrue();
        assertThat(after.get(0).get("stale").asBoolean()).isFalse();
        assertThat(after.get(1).get("current").asBoolean()).isFalse();
        assertThat(after.get(1).get("stale").asBoolean()).isTrue();
        assertThat(api.get(path).json().get("stale").asBoolean()).isFalse();
    }

    @Test
    void revisionsOfMissingTranslationsOrOfOthersStatementsAreNotFound() {
        Api api = Api.owner(port);
        String id = api.draft("Private", "Text.");
        String path = "/api/statements/" + id + "/translations/fr";
        api.put(path, Map.of("title", "Privé", "body", "Texte.", "status", "DRAFT"));

        var noSpanish = api.get("/api/statements/" + id + "/translations/es/revisions");
        assertThat(noSpanish.status()).isEqualTo(404);
        assertThat(noSpanish.contentType()).startsWith("application/problem+json");
        assertThat(api.get(path + "/revisions/9").status()).isEqualTo(404);
        var stranger = Api.newCoordinator(port, "stranger-" + UUID.randomUUID() + "@coalition.example");
        assertThat(stranger.get(path + "/revisions").status()).isEqualTo(404);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
