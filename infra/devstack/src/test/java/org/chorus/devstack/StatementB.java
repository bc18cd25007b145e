package org.chorus.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import tools.jackson.databind.json.JsonMapper;

/**
 * Statement B of the security tests, with everything a statement can have: a signature, a comment, a French
 * translation, publication and a release under embargo. Its owner is the dev coordinator (an administrator); a
 * coordinator of another statement A, a viewer and an editor of B are enrolled beside it. Made once per test JVM.
 */
final class StatementB {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static StatementB created;

    final UUID id;
    final String title;
    /** B's values for path variables and request fields, by name. */
    final Map<String, String> values;

    final Caller owner;
    final Caller otherCoordinator;
    final Caller viewer;
    final Caller editor;

    private StatementB(
            UUID id,
            String title,
            Map<String, String> values,
            Caller owner,
            Caller otherCoordinator,
            Caller viewer,
            Caller editor) {
        this.id = id;
        this.title = title;
        this.values = values;
        this.owner = owner;
        this.otherCoordinator = otherCoordinator;
        this.viewer = viewer;
        this.editor = editor;
    }

    static synchronized StatementB get() {
        if (created == null) {
            created = create();
        }
        return created;
    }

    private static StatementB create() {
        Caller owner = Caller.withToken(DevStack.DEV_API_TOKEN);
        Http statements = TestPlatform.statements();
        UUID statementB = UUID.fromString(DevStack.loadDemo(statements));
        String titleB = statements
                .get("/api/statements/" + statementB)
                .json()
                .get("title")
                .asString();

        Caller otherCoordinator = Caller.enrol("statement-a");
        assertThat(otherCoordinator
                        .send(
                                port("statements"),
                                "POST",
                                "/api/statements",
                                "application/json",
                                JSON.writeValueAsString(Map.of(
                                        "title", "Statement A", "body", "Only A's coalition.", "language", "en")))
                        .status())
                .isEqualTo(201);
        Caller viewer = member(statements, statementB, "viewer-of-b", "VIEWER");
        Caller editor = member(statements, statementB, "editor-of-b", "EDITOR");

        String base = "/api/statements/" + statementB;
        var comment = statements.postJson(
                base + "/comments", Map.of("startOffset", 0, "endOffset", 10, "body", "Shall we name the detainees?"));
        assertThat(comment.status()).isEqualTo(201);
        String commentId = comment.json().get("id").asString();
        assertThat(owner.send(port("statements"), "PUT", base + "/translations/fr", "application/json", """
                        {"title":"Déclaration","body":"Texte français.","status":"DRAFT"}""")
                        .status())
                .isEqualTo(200);

        Http signatures = TestPlatform.anonymous(port("signatures"))
                .withHeader("Authorization", "Bearer " + DevStack.DEV_API_TOKEN);
        String signatureId = Eventually.await(WAIT, () -> {
            var imported = owner.send(
                    port("signatures"),
                    "POST",
                    "/api/statements/" + statementB + "/imports",
                    "text/plain",
                    "1. Lawyers for Lawyers (Netherlands)");
            assertThat(imported.status()).as(imported.body()).isBetween(200, 201);
            return signatures
                    .get("/api/statements/" + statementB + "/signatures")
                    .json()
                    .get(0)
                    .get("id")
                    .asString();
        });

        assertThat(statements
                        .postJson(base + "/publish", Map.of("confirm", true))
                        .status())
                .isEqualTo(200);
        Http distribution = TestPlatform.distribution();
        String listId = distribution
                .postJson("/api/contact-lists", Map.of("name", "Press for the matrix"))
                .json()
                .get("id")
                .asString();
        String contactId = distribution
                .postJson(
                        "/api/contact-lists/" + listId + "/contacts",
                        Map.of("name", "Matrix Journalist", "email", "matrix-press@news.example", "language", "en"))
                .json()
                .get("id")
                .asString();
        String segmentId = distribution
                .postJson("/api/contact-lists/" + listId + "/segments", Map.of("name", "English desks"))
                .json()
                .get("id")
                .asString();
        String releaseId = Eventually.await(WAIT, () -> {
            var release = distribution.postJson(
                    "/api/releases",
                    Map.of(
                            "statementId",
                            statementB,
                            "contactListId",
                            listId,
                            "embargoUntil",
                            Instant.now().plus(30, ChronoUnit.DAYS).toString()));
            assertThat(release.status()).as(release.body()).isEqualTo(201);
            return release.json().get("id").asString();
        });

        var me = statements.get("/api/me").json();
        var tokens = statements.get("/api/tokens").json();
        Map<String, String> valuesOfB = new LinkedHashMap<>(Map.of(
                "statementId", statementB.toString(),
                "signatureId", signatureId,
                "into", signatureId,
                "commentId", commentId,
                "language", "fr",
                "number", "1",
                "releaseId", releaseId,
                "contactListId", listId,
                "contactId", contactId,
                "ownerId", me.get("id").asString()));
        valuesOfB.put("segmentId", segmentId);
        valuesOfB.put("coalitionId", me.get("coalitions").get(0).asString());
        valuesOfB.put("ownerTokenId", tokens.get(0).get("id").asString());
        return new StatementB(statementB, titleB, Map.copyOf(valuesOfB), owner, otherCoordinator, viewer, editor);
    }

    /** Statement B as its owner sees it in every service. */
    private static Caller member(Http statements, UUID statement, String who, String role) {
        Caller member = Caller.enrol(who);
        var added = statements.postJson(
                "/api/statements/" + statement + "/members", Map.of("email", member.email(), "role", role));
        assertThat(added.status()).isBetween(200, 201);
        var accepted = member.send(
                port("statements"), "POST", "/api/statements/" + statement + "/invitation/accept", null, null);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        return member;
    }

    String whatTheOwnerSees() {
        String b = "/api/statements/" + id;
        List<String> seen = new ArrayList<>();
        for (String path : List.of(b, b + "/revisions", b + "/members", b + "/errata", b + "/comments")) {
            seen.add(owner.send(port("statements"), "GET", path, null, null).body());
        }
        seen.add(owner.send(port("statements"), "GET", b + "/translations/fr", null, null)
                .body());
        seen.add(owner.send(port("statements"), "GET", "/api/me", null, null).body());
        for (String path : List.of(b + "/signatures", b + "/moderation", b + "/settings")) {
            seen.add(owner.send(port("signatures"), "GET", path, null, null).body());
        }
        seen.add(owner.send(port("distribution"), "GET", "/api/releases/" + values.get("releaseId"), null, null)
                .body());
        String list = "/api/contact-lists/" + values.get("contactListId");
        for (String path :
                List.of(list, list + "/contacts.csv", list + "/segments/" + values.get("segmentId") + "/contacts")) {
            seen.add(owner.send(port("distribution"), "GET", path, null, null).body());
        }
        seen.add(owner.send(
                        port("statements"),
                        "GET",
                        "/api/coalitions/" + values.get("coalitionId") + "/members",
                        null,
                        null)
                .body());
        seen.add(owner.send(
                        port("statements"),
                        "GET",
                        "/api/coalitions/" + values.get("coalitionId") + "/invitations",
                        null,
                        null)
                .body());
        seen.add(String.valueOf(owner.send(port("statements"), "GET", "/api/tokens", null, null)
                .json()
                .size()));
        return String.join("\n", seen);
    }

    private static int port(String service) {
        return CoordinatorEndpoints.port(service);
    }
}
