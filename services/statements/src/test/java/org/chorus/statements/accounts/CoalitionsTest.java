package org.chorus.statements.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.chorus.statements.Api;
import org.chorus.testsupport.ChorusServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@ChorusServiceTest
class CoalitionsTest {

    @LocalServerPort
    int port;

    @Test
    void aNewCoordinatorHasAPersonalCoalitionThatTheirStatementsBelongTo() {
        Api alice = Api.newCoordinator(port, "alice-" + UUID.randomUUID() + "@coalition.example");
        var me = alice.get("/api/me").json();
        assertThat(me.get("coalitions")).hasSize(1);
        String personal = me.get("coalitions").get(0).asString();

        String statement = alice.draft("Free the defenders", "We urge their release.");

        var coalition = alice.get("/api/statements/" + statement + "/coalition");
        assertThat(coalition.status()).isEqualTo(200);
        assertThat(coalition.json().get("coalitionId").asString()).isEqualTo(personal);
        assertThat(alice.get("/api/coalitions").json().get(0).get("id").asString())
                .isEqualTo(personal);
    }

    @Test
    void aCoordinatorOfAnotherCoalitionSeesNeitherOurCoalitionNorWhoIsInIt() {
        Api alice = Api.newCoordinator(port, "alice-" + UUID.randomUUID() + "@coalition.example");
        Api mallory = Api.newCoordinator(port, "mallory-" + UUID.randomUUID() + "@elsewhere.example");
        String ours = alice.post("/api/coalitions", Map.of("name", "Defenders' coalition"))
                .json()
                .get("id")
                .asString();
        String statement = alice.post(
                        "/api/statements",
                        Map.of(
                                "title",
                                "Free the defenders",
                                "body",
                                "We urge their release.",
                                "language",
                                "en",
                                "coalitionId",
                                ours))
                .json()
                .get("id")
                .asString();
        assertThat(alice.get("/api/statements/" + statement + "/coalition")
                        .json()
                        .get("coalitionId")
                        .asString())
                .isEqualTo(ours);

        var members = mallory.get("/api/coalitions/" + ours + "/members");
        assertThat(members.status()).isEqualTo(404);
        assertThat(members.contentType()).startsWith("application/problem+json");
        String malloryEmail = mallory.get("/api/me").json().get("email").asString();
        assertThat(mallory.post("/api/coalitions/" + ours + "/members", Map.of("email", malloryEmail))
                        .status())
                .isEqualTo(404);
        assertThat(mallory.get("/api/statements/" + statement + "/coalition").status())
                .isEqualTo(404);
        assertThat(mallory.get("/api/me").json().get("coalitions").toString()).doesNotContain(ours);
        assertThat(mallory.post(
                                "/api/statements",
                                Map.of("title", "Ours now", "body", "Text.", "language", "en", "coalitionId", ours))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aMemberAddsAColleagueWhoThenBelongsToTheCoalition() {
        Api alice = Api.newCoordinator(port, "alice-" + UUID.randomUUID() + "@coalition.example");
        String bobEmail = "bob-" + UUID.randomUUID() + "@coalition.example";
        Api bob = Api.newCoordinator(port, bobEmail);
        String ours = alice.post("/api/coalitions", Map.of("name", "Press desk"))
                .json()
                .get("id")
                .asString();

        var added = alice.post("/api/coalitions/" + ours + "/members", Map.of("email", bobEmail));

        assertThat(added.status()).isEqualTo(200);
        assertThat(added.body()).contains(bobEmail);
        var bobsCoalitions = bob.get("/api/me").json().get("coalitions");
        assertThat(bobsCoalitions).hasSize(2);
        assertThat(bobsCoalitions.get(1).asString()).isEqualTo(ours);
        assertThat(bob.get("/api/coalitions/" + ours + "/members").status()).isEqualTo(200);
    }
}
