package org.chorus.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.chorus.statements.accounts.Totp;
import org.chorus.testsupport.Http;
import org.junit.jupiter.api.Test;

/**
 * Coordinator pages and APIs of every service answer only to coordinators of the statement in question, as the
 * statements service (which owns accounts and roles) says: a coordinator of statement A learns nothing of B anywhere.
 */
class CoordinatorAccessTest {

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
        assertThat(TestPlatform.tracking()
                        .get("/console/statements/" + statementA)
                        .status())
                .isEqualTo(200);
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

    private static String otherToken;

    /** A second coordinator with no role on the demo statement, enrolled by the dev coordinator. */
    private static synchronized String otherCoordinatorsToken() {
        if (otherToken == null) {
            Http statements = TestPlatform.statements();
            String email = "other-" + UUID.randomUUID() + "@coalition.example";
            var enrolment = statements.postJson(
                    "/api/coordinators", Map.of("email", email, "password", "another-long-password", "language", "en"));
            assertThat(enrolment.status()).isEqualTo(201);
            String code = Totp.code(enrolment.json().get("totpSecret").asString(), Instant.now());
            var token = TestPlatform.anonymous(TestPlatform.get().ports().statements())
                    .postJson(
                            "/api/tokens",
                            Map.of("email", email, "password", "another-long-password", "code", code, "name", "test"));
            assertThat(token.status()).isEqualTo(201);
            otherToken = token.json().get("token").asString();
        }
        return otherToken;
    }
}
