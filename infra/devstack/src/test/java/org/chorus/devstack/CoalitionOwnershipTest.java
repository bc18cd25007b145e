package org.chorus.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.Mailbox;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * A coalition's press lists, its mail and its signers' addresses are its own: a coordinator of another coalition
 * neither reads nor changes them, cannot release to them, cannot mail strangers through a test send, and cannot have
 * an address suppressed by reporting a bounce. A live dashboard ends when its token is revoked.
 */
class CoalitionOwnershipTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aCoordinatorOfAnotherCoalitionCannotSeeOrChangeOurPressList() {
        Http statements = TestPlatform.statements();
        Http owner = TestPlatform.distribution();
        String ourStatement = published(statements, DevStack.loadDemo(statements));
        String list = owner.postJson("/api/contact-lists", Map.of("name", "Our press"))
                .json()
                .get("id")
                .asString();
        String journalist = "desk-" + UUID.randomUUID() + "@wire.example";
        String contact = owner.postJson(
                        "/api/contact-lists/" + list + "/contacts",
                        Map.of("name", "Desk", "email", journalist, "language", "en"))
                .json()
                .get("id")
                .asString();
        String segment = owner.postJson("/api/contact-lists/" + list + "/segments", Map.of("name", "English"))
                .json()
                .get("id")
                .asString();
        String before = owner.get("/api/contact-lists/" + list).body();

        Caller mallory = Caller.enrolForTheApi("mallory");
        int distribution = TestPlatform.get().ports().distribution();
        Http otherStatements = as(TestPlatform.get().ports().statements(), mallory.token());
        String theirStatement = published(
                otherStatements,
                otherStatements
                        .postJson(
                                "/api/statements",
                                Map.of("title", "Mallory's statement", "body", "Ours alone.", "language", "en"))
                        .json()
                        .get("id")
                        .asString());
        String ownersCoalition =
                statements.get("/api/me").json().get("coalitions").get(0).asString();

        String lists = "/api/contact-lists/" + list;
        List<Caller.Answer> refused = List.of(
                mallory.send(distribution, "GET", lists, null, null),
                mallory.send(distribution, "GET", lists + "/contacts.csv", null, null),
                mallory.send(distribution, "DELETE", lists + "/contacts/" + contact, null, null),
                post(
                        mallory,
                        distribution,
                        lists + "/contacts",
                        Map.of("name", "Planted", "email", "planted@evil.example", "language", "en")),
                mallory.send(
                        distribution,
                        "POST",
                        lists + "/imports",
                        "text/csv",
                        "name,email\nPlanted,planted@evil.example"),
                post(mallory, distribution, lists + "/segments", Map.of("name", "Mine")),
                mallory.send(distribution, "GET", lists + "/segments/" + segment + "/contacts", null, null),
                mallory.send(
                        distribution,
                        "GET",
                        "/api/releases/preview?statementId=" + theirStatement + "&contactId=" + contact,
                        null,
                        null),
                Eventually.await(WAIT, () -> {
                    var release = post(
                            mallory,
                            distribution,
                            "/api/releases",
                            Map.of("statementId", theirStatement, "contactListId", list));
                    assertThat(release.status()).as(release.body()).isNotEqualTo(409);
                    return release;
                }));
        assertThat(refused).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.body()).isEqualTo(404);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body()).doesNotContain(journalist);
        });
        assertThat(post(
                                mallory,
                                distribution,
                                "/api/contact-lists",
                                Map.of("name", "Into theirs", "coalitionId", ownersCoalition))
                        .status())
                .isEqualTo(400);

        assertThat(owner.get("/api/contact-lists/" + list).body()).isEqualTo(before);
        assertThat(owner.get("/api/contact-lists/" + list + "/contacts.csv").body())
                .contains(journalist)
                .doesNotContain("planted@evil.example");
    }

    @Test
    void aReleaseUsesOnlyListsOfItsStatementsCoalition() {
        Http statements = TestPlatform.statements();
        Http owner = TestPlatform.distribution();
        String statement = published(statements, DevStack.loadDemo(statements));
        String otherCoalition = statements
                .postJson("/api/coalitions", Map.of("name", "Another coalition of ours"))
                .json()
                .get("id")
                .asString();
        String listOfTheOther = owner.postJson(
                        "/api/contact-lists", Map.of("name", "The other's press", "coalitionId", otherCoalition))
                .json()
                .get("id")
                .asString();
        owner.postJson(
                "/api/contact-lists/" + listOfTheOther + "/contacts",
                Map.of("name", "Desk", "email", "desk-" + UUID.randomUUID() + "@wire.example", "language", "en"));
        assertThat(owner.get("/api/contact-lists/" + listOfTheOther).status()).isEqualTo(200);

        var release = Eventually.await(WAIT, () -> {
            var answer =
                    owner.postJson("/api/releases", Map.of("statementId", statement, "contactListId", listOfTheOther));
            assertThat(answer.status()).as(answer.body()).isNotEqualTo(409);
            return answer;
        });

        assertThat(release.status()).isEqualTo(404);
        assertThat(release.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aTestSendGoesOnlyToTheCoordinatorsOwnAddress() {
        Caller carol = Caller.enrolForTheApi("carol");
        Http statements = as(TestPlatform.get().ports().statements(), carol.token());
        Http distribution = as(TestPlatform.get().ports().distribution(), carol.token());
        String statement = published(
                statements,
                statements
                        .postJson(
                                "/api/statements",
                                Map.of("title", "Carol's statement", "body", "Free them all.", "language", "en"))
                        .json()
                        .get("id")
                        .asString());
        String victim = "victim-" + UUID.randomUUID() + "@signers.example";
        Map<String, String> test = Map.of("statementId", statement, "address", victim, "language", "en");

        var sent = Eventually.await(WAIT, () -> {
            var answer = distribution.postJson("/api/releases/test-send", test);
            assertThat(answer.status()).as(answer.body()).isEqualTo(202);
            return answer;
        });

        assertThat(sent.json().get("address").asString()).isEqualTo(carol.email());
        Eventually.await(
                WAIT, () -> assertThat(Mailbox.messagesTo(carol.email())).hasSize(1));
        for (int i = 0; i < 2; i++) {
            assertThat(distribution.postJson("/api/releases/test-send", test).status())
                    .isEqualTo(202);
        }
        var fourth = distribution.postJson("/api/releases/test-send", test);
        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.contentType()).startsWith("application/problem+json");
        long retryAfter =
                Long.parseLong(fourth.raw().headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);
        Eventually.await(
                WAIT, () -> assertThat(Mailbox.messagesTo(carol.email())).hasSize(3));
        assertThat(Mailbox.messagesTo(victim)).isEmpty();

        // nor can a coordinator suppress anyone by reporting their own test send as bounced
        var bounce = distribution.postJson(
                "/api/bounces",
                Map.of(
                        "messageId",
                        "<" + sent.json().get("requestId").asString() + "@chorus>",
                        "recipient",
                        carol.email(),
                        "hard",
                        true));
        assertThat(bounce.status()).isEqualTo(401);
        assertThat(bounce.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aRevokedTokenEndsALiveDashboard() throws Exception {
        Http statements = TestPlatform.statements();
        String statement = DevStack.loadDemo(statements);
        Caller viewer = Caller.enrolForTheApi("dashboard-viewer");
        assertThat(statements
                        .postJson(
                                "/api/statements/" + statement + "/members",
                                Map.of("email", viewer.email(), "role", "VIEWER"))
                        .status())
                .isEqualTo(200);
        assertThat(viewer.send(
                                TestPlatform.get().ports().statements(),
                                "POST",
                                "/api/statements/" + statement + "/invitation/accept",
                                null,
                                null)
                        .status())
                .isEqualTo(200);
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<InputStream> stream = client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:"
                                + TestPlatform.get().ports().tracking() + "/console/statements/" + statement + "/live"))
                        .header("Authorization", "Bearer " + viewer.token())
                        .header("Accept", "text/event-stream")
                        .header("X-Forwarded-For", Http.CLIENT_ADDRESS)
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        InputStream events = stream.body();
        CompletableFuture<Void> ended = CompletableFuture.runAsync(() -> {
            try {
                events.transferTo(OutputStream.nullOutputStream());
            } catch (java.io.IOException e) {
                // a reset connection ends the stream too
            }
        });
        Thread.sleep(1_000);
        assertThat(ended).as("the dashboard streams while the token is valid").isNotDone();

        int statementsPort = TestPlatform.get().ports().statements();
        String tokenId = viewer.send(statementsPort, "GET", "/api/tokens", null, null)
                .json()
                .get(0)
                .get("id")
                .asString();
        Instant revoked = Instant.now();
        assertThat(viewer.send(statementsPort, "DELETE", "/api/tokens/" + tokenId, null, null)
                        .status())
                .isEqualTo(204);

        ended.get(30, TimeUnit.SECONDS);
        System.out.println("A live dashboard ended "
                + Duration.between(revoked, Instant.now()).toMillis() + " ms after its token was revoked");
    }

    private static String published(Http statements, String statement) {
        if (statements
                .get("/api/statements/" + statement)
                .json()
                .get("status")
                .asString()
                .equals("DRAFT")) {
            assertThat(statements
                            .postJson("/api/statements/" + statement + "/open", "")
                            .status())
                    .isEqualTo(200);
        }
        var published = statements.postJson("/api/statements/" + statement + "/publish", Map.of("confirm", true));
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        return statement;
    }

    private static Http as(int port, String token) {
        return TestPlatform.anonymous(port).withHeader("Authorization", "Bearer " + token);
    }

    private static Caller.Answer post(Caller caller, int port, String path, Object body) {
        return caller.send(port, "POST", path, "application/json", JSON.writeValueAsString(body));
    }
}
