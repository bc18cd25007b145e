package org.chorus.statements.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.chorus.statements.Api;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@ChorusServiceTest
class RolesTest {

    @LocalServerPort
    int port;

    @Test
    void theMembersEndpointDoesNotTellWhetherAnAddressHasAnAccount() {
        Api owner = Api.owner(port);
        String id = owner.draft("Statement with co-drafters", "Text.");
        String twin = owner.draft("Statement with co-drafters", "Text.");
        String withAccount = "has-account-" + UUID.randomUUID() + "@coalition.example";
        Api known = Api.newCoordinator(port, withAccount);
        String withoutAccount = "no-account-" + UUID.randomUUID() + "@coalition.example";

        Http.Response toKnown =
                owner.post("/api/statements/" + id + "/members", Map.of("email", withAccount, "role", "EDITOR"));
        Http.Response toUnknown =
                owner.post("/api/statements/" + twin + "/members", Map.of("email", withoutAccount, "role", "EDITOR"));

        assertThat(toUnknown.status()).isEqualTo(toKnown.status()).isEqualTo(200);
        assertThat(toUnknown.contentType()).isEqualTo(toKnown.contentType());
        assertThat(toUnknown.body().replace(withoutAccount, "ADDRESS").getBytes(StandardCharsets.UTF_8))
                .as("byte for byte, but for the address itself")
                .isEqualTo(toKnown.body().replace(withAccount, "ADDRESS").getBytes(StandardCharsets.UTF_8));
        assertThat(entry(toKnown, withAccount))
                .isEqualTo(Map.of("email", withAccount, "role", "EDITOR", "pending", "true"));
        assertThat(known.get("/api/statements/" + id).status())
                .as("an invited coordinator is no co-drafter before accepting")
                .isEqualTo(404);

        var invitations = known.get("/api/me/invitations").json().get("statements");
        assertThat(invitations).hasSize(1);
        assertThat(invitations.get(0).get("statementId").asString()).isEqualTo(id);
        assertThat(invitations.get(0).get("role").asString()).isEqualTo("EDITOR");
        assertThat(known.post("/api/statements/" + id + "/invitation/accept", "")
                        .status())
                .isEqualTo(200);
        assertThat(known.get("/api/statements/" + id).json().get("role").asString())
                .isEqualTo("EDITOR");
        assertThat(entry(owner.get("/api/statements/" + id + "/members"), withAccount))
                .isEqualTo(Map.of("email", withAccount, "role", "EDITOR", "pending", "false"));

        Api later = Api.newCoordinator(port, withoutAccount);
        assertThat(later.get("/api/statements/" + twin).status())
                .as("an account made later with the invited address is invited, not a co-drafter")
                .isEqualTo(404);
        assertThat(later.post("/api/statements/" + twin + "/invitation/decline", "")
                        .status())
                .isEqualTo(204);
        assertThat(later.post("/api/statements/" + twin + "/invitation/accept", "")
                        .status())
                .isEqualTo(404);
        assertThat(later.get("/api/statements/" + twin).status()).isEqualTo(404);
        assertThat(owner.get("/api/statements/" + twin + "/members").body()).doesNotContain(withoutAccount);
    }

    private static Map<String, String> entry(Http.Response members, String email) {
        for (var member : members.json()) {
            if (member.get("email").asString().equals(email)) {
                Map<String, String> fields = new java.util.TreeMap<>();
                member.properties()
                        .forEach(field ->
                                fields.put(field.getKey(), field.getValue().asString()));
                return fields;
            }
        }
        return Map.of();
    }

    @Test
    void anEditorOfStatementACannotSeeNorTouchStatementB() {
        Api owner = Api.owner(port);
        String editorEmail = "editor-" + UUID.randomUUID() + "@coalition.example";
        Api editor = Api.newCoordinator(port, editorEmail);
        String a = owner.draft("Statement A", "Text of A.");
        String b = owner.draft("Statement B", "Text of B.");
        assertThat(owner.post("/api/statements/" + a + "/members", Map.of("email", editorEmail, "role", "EDITOR"))
                        .status())
                .isEqualTo(200);
        assertThat(editor.post("/api/statements/" + a + "/invitation/accept", "")
                        .status())
                .isEqualTo(200);
        String commentOnB = owner.post(
                        "/api/statements/" + b + "/comments",
                        Map.of("startOffset", 0, "endOffset", 4, "body", "Owner's remark"))
                .json()
                .get("id")
                .asString();

        assertThat(editor.post(
                                "/api/statements/" + a + "/revisions",
                                Map.of("title", "Statement A", "body", "Text of A, improved."))
                        .status())
                .isEqualTo(200);

        String path = "/api/statements/" + b;
        Map<String, Object> text = Map.of("title", "Hijacked", "body", "Hijacked.");
        List<Function<Api, Http.Response>> everyEndpoint = List.of(
                api -> api.get(path),
                api -> api.get(path + "/revisions"),
                api -> api.get(path + "/revisions/1"),
                api -> api.get(path + "/diff?from=1&to=1"),
                api -> api.get(path + "/members"),
                api -> api.get(path + "/errata"),
                api -> api.get(path + "/translations"),
                api -> api.get(path + "/translations/fr"),
                api -> api.get(path + "/comments"),
                api -> api.post(path + "/revisions", text),
                api -> api.put(path + "/details", Map.of("summary", "Hijacked")),
                api -> api.post(path + "/open", ""),
                api -> api.post(path + "/close", ""),
                api -> api.post(path + "/publish", Map.of("confirm", true)),
                api -> api.post(path + "/withdraw", Map.of("reason", "Hijacked")),
                api -> api.put(path + "/schedule", Map.of("signatureTarget", 5, "timeZone", "UTC")),
                api -> api.post(path + "/members", Map.of("email", editorEmail, "role", "OWNER")),
                api -> api.post(path + "/invitation/accept", ""),
                api -> api.post(path + "/invitation/decline", ""),
                api -> api.post(path + "/errata", Map.of("text", "Hijacked")),
                api -> api.put(path + "/translations/fr", Map.of("title", "T", "body", "B", "status", "DRAFT")),
                api -> api.post(path + "/comments", Map.of("startOffset", 0, "endOffset", 4, "body", "Hijacked")),
                api -> api.post(path + "/comments/" + commentOnB + "/replies", Map.of("body", "Hijacked")),
                api -> api.post(path + "/comments/" + commentOnB + "/resolve", ""));
        for (var call : everyEndpoint) {
            Http.Response response = call.apply(editor);
            assertThat(response.status())
                    .as(response.raw().request().method() + " "
                            + response.raw().request().uri())
                    .isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }

        assertThat(editor.get("/api/statements").body()).contains(a).doesNotContain(b);
        var untouched = owner.get(path).json();
        assertThat(untouched.get("status").asString()).isEqualTo("DRAFT");
        assertThat(untouched.at("/revision/body").asString()).isEqualTo("Text of B.");
        assertThat(untouched.get("summary").asString()).isEmpty();
        assertThat(untouched.at("/schedule/signatureTarget").isNull()).isTrue();
        assertThat(owner.get(path + "/members").json().size()).isEqualTo(1);
        assertThat(owner.get(path + "/translations").json().size()).isZero();
        var threads = owner.get(path + "/comments").json();
        assertThat(threads.get(0).at("/replies").size()).isZero();
        assertThat(threads.get(0).at("/comment/resolved").asBoolean()).isFalse();
    }

    @Test
    void rolesLimitWhatCoDraftersMayDoWithForbiddenAsProblemJson() {
        Api owner = Api.owner(port);
        String viewerEmail = "viewer-" + UUID.randomUUID() + "@coalition.example";
        String editorEmail = "editor-" + UUID.randomUUID() + "@coalition.example";
        Api viewer = Api.newCoordinator(port, viewerEmail);
        Api editor = Api.newCoordinator(port, editorEmail);
        String id = owner.draft("Shared statement", "Shared text.");
        owner.post("/api/statements/" + id + "/members", Map.of("email", viewerEmail, "role", "VIEWER"));
        owner.post("/api/statements/" + id + "/members", Map.of("email", editorEmail, "role", "EDITOR"));
        viewer.post("/api/statements/" + id + "/invitation/accept", "");
        editor.post("/api/statements/" + id + "/invitation/accept", "");

        assertThat(viewer.get("/api/statements/" + id).json().get("role").asString())
                .isEqualTo("VIEWER");
        var viewerEdits = viewer.post(
                "/api/statements/" + id + "/revisions", Map.of("title", "Shared statement", "body", "Changed."));
        assertThat(viewerEdits.status()).isEqualTo(403);
        assertThat(viewerEdits.contentType()).startsWith("application/problem+json");
        assertThat(viewerEdits.json().get("detail").asString()).contains("VIEWER", "EDITOR");

        var editorOpens = editor.post("/api/statements/" + id + "/open", "");
        assertThat(editorOpens.status()).isEqualTo(403);
        var editorInvites =
                editor.post("/api/statements/" + id + "/members", Map.of("email", viewerEmail, "role", "OWNER"));
        assertThat(editorInvites.status()).isEqualTo(403);

        var ownRole = owner.post(
                "/api/statements/" + id + "/members", Map.of("email", "OWNER@chorus.test", "role", "EDITOR"));
        assertThat(ownRole.status()).isEqualTo(400);
        assertThat(ownRole.json().at("/errors/0/field").asString()).isEqualTo("email");

        var current = owner.get("/api/statements/" + id).json();
        assertThat(current.get("status").asString()).isEqualTo("DRAFT");
        assertThat(current.at("/revision/number").asInt()).isEqualTo(1);
        assertThat(owner.get("/api/statements/" + id + "/members").json().size())
                .isEqualTo(3);
    }
}
