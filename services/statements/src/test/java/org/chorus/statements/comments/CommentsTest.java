package org.chorus.statements.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.chorus.statements.Api;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.XiamenSeed;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@ChorusServiceTest
class CommentsTest {
    private static final XiamenSeed XIAMEN = XiamenSeed.load();

    @LocalServerPort
    int port;

    @Test
    void coDraftersDiscussAPassageInAThreadThenResolveAndReopenIt() {
        Api owner = Api.owner(port);
        String commenterEmail = "commenter-" + UUID.randomUUID() + "@coalition.example";
        Api commenter = Api.newCoordinator(port, commenterEmail);
        String id = owner.draft(XIAMEN.title(), XIAMEN.body());
        owner.post("/api/statements/" + id + "/members", Map.of("email", commenterEmail, "role", "COMMENTER"));
        commenter.post("/api/statements/" + id + "/invitation/accept", "");
        String passage = "Immediately and unconditionally release";
        int start = XIAMEN.body().indexOf(passage);

        var comment = commenter.post(
                "/api/statements/" + id + "/comments",
                Map.of(
                        "revision",
                        1,
                        "startOffset",
                        start,
                        "endOffset",
                        start + passage.length(),
                        "quote",
                        passage,
                        "body",
                        "Should we keep 'unconditionally'?"));
        assertThat(comment.status()).isEqualTo(201);
        String commentId = comment.json().get("id").asString();
        assertThat(comment.json().get("quote").asString()).isEqualTo(passage);

        var reply = owner.post(
                "/api/statements/" + id + "/comments/" + commentId + "/replies", Map.of("body", "Yes, keep it."));
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("parentId").asString()).isEqualTo(commentId);

        owner.post(
                "/api/statements/" + id + "/revisions", Map.of("title", XIAMEN.title(), "body", XIAMEN.body() + " "));
        var threads = commenter.get("/api/statements/" + id + "/comments").json();
        assertThat(threads.size()).isEqualTo(1);
        assertThat(threads.get(0).at("/comment/revision").asInt()).isEqualTo(1);
        assertThat(threads.get(0).at("/replies/0/body").asString()).isEqualTo("Yes, keep it.");

        var resolved = commenter.post("/api/statements/" + id + "/comments/" + commentId + "/resolve", "");
        assertThat(resolved.json().get("resolved").asBoolean()).isTrue();
        var twice = commenter.post("/api/statements/" + id + "/comments/" + commentId + "/resolve", "");
        assertThat(twice.status()).isEqualTo(409);
        var reopened = owner.post("/api/statements/" + id + "/comments/" + commentId + "/reopen", "");
        assertThat(reopened.json().get("resolved").asBoolean()).isFalse();
    }

    @Test
    void commentsOutsideTheTextOrMisquotingItAreRefused() {
        Api owner = Api.owner(port);
        String id = owner.draft("Short", "A short text.");
        String path = "/api/statements/" + id + "/comments";
        var outside = owner.post(path, Map.of("startOffset", 5, "endOffset", 500, "body", "Beyond the end"));
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.json().at("/errors/0/field").asString()).isEqualTo("startOffset");
        var misquoted =
                owner.post(path, Map.of("startOffset", 0, "endOffset", 7, "quote", "A long", "body", "Misquoted"));
        assertThat(misquoted.status()).isEqualTo(400);
        assertThat(misquoted.json().at("/errors/0/field").asString()).isEqualTo("quote");
        var noRevision =
                owner.post(path, Map.of("revision", 7, "startOffset", 0, "endOffset", 1, "body", "Which revision?"));
        assertThat(noRevision.status()).isEqualTo(400);
        var empty = owner.post(path, Map.of("startOffset", 0, "endOffset", 1, "body", " "));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().at("/errors/0/field").asString()).isEqualTo("body");
        assertThat(owner.post(path + "/" + UUID.randomUUID() + "/resolve", "").status())
                .isEqualTo(404);
        assertThat(owner.get(path).json().size()).isZero();
    }
}
