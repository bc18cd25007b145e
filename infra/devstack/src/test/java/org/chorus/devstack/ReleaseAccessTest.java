package org.chorus.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.junit.jupiter.api.Test;

/**
 * Releases belong to their statement's coalition: a coordinator with no role on a statement can neither release it
 * nor see, preview, decide on or test-send its release (all answered as if it did not exist), a viewer may read but
 * not act, and the statement's owner still can. Contact lists belong to the coalition, so the other coordinator does not
 * even see the list (CoalitionOwnershipTest covers the lists in full).
 */
class ReleaseAccessTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    record Coordinator(String email, String token) {}

    @Test
    void aCoordinatorOfAnotherCoalitionCannotReleaseOrTouchTheReleaseOfThisStatementButItsOwnerCan() {
        Platform platform = TestPlatform.get();
        Http statements = TestPlatform.statements();
        String statement = DevStack.loadDemo(statements);
        assertThat(statements
                        .postJson("/api/statements/" + statement + "/publish", Map.of("confirm", true))
                        .status())
                .isEqualTo(200);
        Http owner = TestPlatform.distribution();
        String list = owner.postJson("/api/contact-lists", Map.of("name", "Press of coalition B"))
                .json()
                .get("id")
                .asString();
        String contact = owner.postJson(
                        "/api/contact-lists/" + list + "/contacts",
                        Map.of(
                                "name",
                                "Desk",
                                "email",
                                "desk-" + UUID.randomUUID() + "@wire.example",
                                "language",
                                "en"))
                .json()
                .get("id")
                .asString();
        Instant embargo = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> newRelease =
                Map.of("statementId", statement, "contactListId", list, "embargoUntil", embargo.toString());

        Http other = as(platform.ports().distribution(), coordinator().token());
        // the list is the coalition's own: the other coalition's coordinator does not see it …
        assertThat(other.get("/api/contact-lists/" + list).status()).isEqualTo(404);
        // … and cannot release B's statement to it
        var refused = other.postJson("/api/releases", newRelease);
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.contentType()).startsWith("application/problem+json");

        String release = Eventually.await(WAIT, () -> {
            var created = owner.postJson("/api/releases", newRelease);
            assertThat(created.status()).isEqualTo(201);
            return created.json().get("id").asString();
        });
        assertThat(owner.get("/api/releases/" + release).json().get("state").asString())
                .isEqualTo("SCHEDULED");

        var seen = other.get("/api/releases/" + release);
        assertThat(seen.status()).isEqualTo(404);
        assertThat(seen.contentType()).startsWith("application/problem+json");
        assertThat(seen.json().get("detail").asString()).isEqualTo("No release " + release + ".");
        assertThat(other.get("/api/releases").body()).doesNotContain(release);
        assertThat(owner.get("/api/releases").body()).contains(release);
        assertThat(other.get("/api/releases/preview?statementId=" + statement + "&contactId=" + contact)
                        .status())
                .isEqualTo(404);
        var decided = other.postJson(
                "/api/releases/" + release + "/decision", Map.of("decision", "cancel", "decidedBy", "Mallory"));
        assertThat(decided.status()).isEqualTo(404);
        assertThat(decided.contentType()).startsWith("application/problem+json");
        assertThat(other.postJson(
                                "/api/releases/test-send",
                                Map.of("statementId", statement, "address", "mallory@elsewhere.example"))
                        .status())
                .isEqualTo(404);
        assertThat(other.get("/api/releases/" + release).status()).isEqualTo(404);

        Coordinator viewer = coordinator();
        assertThat(statements
                        .postJson(
                                "/api/statements/" + statement + "/members",
                                Map.of("email", viewer.email(), "role", "VIEWER"))
                        .status())
                .isEqualTo(200);
        assertThat(as(platform.ports().statements(), viewer.token())
                        .postJson("/api/statements/" + statement + "/invitation/accept", "")
                        .status())
                .isEqualTo(200);
        Http asViewer = as(platform.ports().distribution(), viewer.token());
        assertThat(asViewer.get("/api/releases/" + release).status()).isEqualTo(200);
        assertThat(asViewer.get("/api/releases").body()).contains(release);
        var viewerDecides = asViewer.postJson(
                "/api/releases/" + release + "/decision", Map.of("decision", "cancel", "decidedBy", "Viewer"));
        assertThat(viewerDecides.status()).isEqualTo(403);
        assertThat(viewerDecides.contentType()).startsWith("application/problem+json");
        assertThat(asViewer.postJson("/api/releases", newRelease).status()).isEqualTo(403);
        assertThat(asViewer.postJson(
                                "/api/releases/test-send",
                                Map.of("statementId", statement, "address", "viewer@elsewhere.example"))
                        .status())
                .isEqualTo(403);

        var unchanged = owner.get("/api/releases/" + release).json();
        assertThat(unchanged.get("state").asString()).isEqualTo("SCHEDULED");
        assertThat(unchanged.path("decision").isString()).isFalse();
        assertThat(owner.get("/api/releases/" + release).status()).isEqualTo(200);
        assertThat(owner.get("/api/releases/preview?statementId=" + statement + "&contactId=" + contact)
                        .status())
                .isEqualTo(200);
        assertThat(owner.postJson(
                                "/api/releases/test-send",
                                Map.of("statementId", statement, "address", "owner@coalition-b.example"))
                        .status())
                .isEqualTo(202);
    }

    private static Http as(int port, String token) {
        return TestPlatform.anonymous(port).withHeader("Authorization", "Bearer " + token);
    }

    /** A new coordinator with no role on any statement yet, enrolled by the dev coordinator (an administrator). */
    private static Coordinator coordinator() {
        Caller enrolled = Caller.enrolForTheApi("coordinator");
        return new Coordinator(enrolled.email(), enrolled.token());
    }
}
