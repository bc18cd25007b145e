package org.chorus.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Coordinator pages and APIs of every service answer only to coordinators of the statement in question, as the
 * statements service (which owns accounts and roles) says: a coordinator of statement A learns nothing of B anywhere.
 */
class CoordinatorAccessTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void withoutATokenNoServiceShowsCoordinatorData() {
        Platform platform = TestPlatform.get();
        String statement = UUID.randomUUID().toString();
        for (int port :
                new int[] {platform.ports().signatures(), platform.ports().tracking()}) {
            var answer = TestPlatform.anonymous(port).get("/api/statements/" + statement + "/counts");
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        assertThat(TestPlatform.anonymous(platform.ports().distribution())
                        .postJson("/api/contact-lists", Map.of("name", "Press"))
                        .status())
                .isEqualTo(401);
        var console = TestPlatform.anonymous(platform.ports().tracking()).get("/console/statements");
        assertThat(console.status()).isEqualTo(401);
        assertThat(console.body()).contains("Coordinators only");
        var forged = TestPlatform.anonymous(platform.ports().tracking())
                .withHeader("Authorization", "Bearer forged")
                .get("/console/statements");
        assertThat(forged.status()).isEqualTo(401);
    }

    @Test
    void aCoordinatorOfStatementACannotSeeStatementBInTrackingOrSignatures() {
        Platform platform = TestPlatform.get();
        String statementA = DevStack.loadDemo(TestPlatform.statements());
        String other = otherCoordinatorsToken();

        assertThat(TestPlatform.tracking()
                        .get("/api/statements/" + statementA + "/counts")
                        .status())
                .isIn(200, 404);
        for (int port :
                new int[] {platform.ports().signatures(), platform.ports().tracking()}) {
            Http asOther = TestPlatform.anonymous(port).withHeader("Authorization", "Bearer " + other);
            for (String path : new String[] {"/counts", "/signatures", "/pipeline", "/moderation"}) {
                var answer = asOther.get("/api/statements/" + statementA + path);
                assertThat(answer.status()).as("%s on port %d", path, port).isEqualTo(404);
            }
        }
        var dashboard = TestPlatform.anonymous(platform.ports().tracking())
                .withHeader("Authorization", "Bearer " + other)
                .get("/console/statements/" + statementA);
        assertThat(dashboard.status()).isEqualTo(404);
        // tracking learns of the statement from its events, a moment after it opened
        Eventually.await(
                WAIT,
                () -> assertThat(TestPlatform.tracking()
                                .get("/console/statements/" + statementA)
                                .status())
                        .isEqualTo(200));
    }

    @Test
    void onlyAnAdministratorGetsPastTheGateOfTrackingsAdminApi() {
        Platform platform = TestPlatform.get();
        Http asOther = TestPlatform.anonymous(platform.ports().tracking())
                .withHeader("Authorization", "Bearer " + otherCoordinatorsToken());

        var refused = asOther.postJson("/api/admin/rebuild", Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body()).containsIgnoringCase("admin");

        // the dev coordinator is an administrator: the gate lets it through to the endpoint, which only takes POST
        assertThat(TestPlatform.tracking().get("/api/admin/rebuild").status()).isEqualTo(405);
        assertThat(asOther.get("/api/admin/rebuild").status()).isEqualTo(403);
    }

    @Test
    void trackingListsShowACoordinatorOnlyTheStatementsTheyHaveARoleOn() {
        Platform platform = TestPlatform.get();
        String statementA = DevStack.loadDemo(TestPlatform.statements());
        Http tracking = TestPlatform.tracking();
        Eventually.await(
                WAIT,
                () -> assertThat(listedIds(tracking.get("/api/statements"))).contains(statementA));
        var ownPage = tracking.get("/console/statements");
        assertThat(ownPage.status()).isEqualTo(200);
        assertThat(ownPage.body()).contains("/console/statements/" + statementA).contains("Xiamen");

        Http asOther = TestPlatform.anonymous(platform.ports().tracking())
                .withHeader("Authorization", "Bearer " + otherCoordinatorsToken());
        var list = asOther.get("/api/statements");
        assertThat(list.status()).isEqualTo(200);
        assertThat(listedIds(list)).doesNotContain(statementA);
        var page = asOther.get("/console/statements");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).doesNotContain(statementA).doesNotContain("Xiamen");
    }

    @Test
    void aCoordinatorWhoseTokenWasJustRevokedIsAskedToSignInAgainOnTheConsoleList() throws Exception {
        Platform platform = TestPlatform.get();
        String token = newCoordinatorsToken("revoked");
        Http asThem =
                TestPlatform.anonymous(platform.ports().tracking()).withHeader("Authorization", "Bearer " + token);
        // the gate now knows the token for a few seconds (any console page asks who it is, here one that does not
        // exist); the list still asks the statements service which statements are theirs, and learns of the revocation
        assertThat(asThem.get("/console/no-such-page").status()).isEqualTo(404);
        revoke(token);

        var page = asThem.get("/console/statements");
        assertThat(page.status()).isEqualTo(401);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body())
                .containsIgnoringCase("sign in")
                .doesNotContain("Whitelabel")
                .contains("role=\"alert\"");
        var list = asThem.get("/api/statements");
        assertThat(list.status()).isEqualTo(401);
        assertThat(list.contentType()).startsWith("application/problem+json");
    }

    private static List<String> listedIds(Http.Response list) {
        assertThat(list.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode statement : list.json()) {
            ids.add(statement.get("statementId").asString());
        }
        return ids;
    }

    /** The coordinator revokes their own token at the statements service, which owns accounts. */
    private static void revoke(String token) throws Exception {
        Http statements = TestPlatform.anonymous(TestPlatform.get().ports().statements())
                .withHeader("Authorization", "Bearer " + token);
        var tokens = statements.get("/api/tokens");
        assertThat(tokens.status()).isEqualTo(200);
        String id = tokens.json().get(0).get("id").asString();
        HttpResponse<String> revoked = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:"
                                        + TestPlatform.get().ports().statements() + "/api/tokens/" + id))
                                .header("Authorization", "Bearer " + token)
                                .DELETE()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(revoked.statusCode()).isEqualTo(204);
        assertThat(statements.get("/api/me").status()).isEqualTo(401);
    }

    private static String otherToken;

    /** A second coordinator with no role on the demo statement, enrolled by the dev coordinator. */
    private static synchronized String otherCoordinatorsToken() {
        if (otherToken == null) {
            otherToken = newCoordinatorsToken("other");
        }
        return otherToken;
    }

    private static String newCoordinatorsToken(String who) {
        return Caller.enrolForTheApi(who).token();
    }
}
