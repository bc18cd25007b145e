package org.chorus.statements.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chorus.statements.Api;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Http;
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
    void aColleagueJoinsOnlyWhenTheyAcceptTheInvitation() {
        Api alice = Api.newCoordinator(port, "alice-" + UUID.randomUUID() + "@coalition.example");
        String bobEmail = "bob-" + UUID.randomUUID() + "@coalition.example";
        Api bob = Api.newCoordinator(port, bobEmail);
        String ours = coalition(alice, "Press desk");

        var added = alice.post("/api/coalitions/" + ours + "/members", Map.of("email", bobEmail.toUpperCase()));

        assertThat(added.status()).isEqualTo(202);
        assertThat(added.json().get("status").asString()).isEqualTo("PENDING");
        assertThat(bob.get("/api/me").json().get("coalitions"))
                .as("not before accepting")
                .hasSize(1);
        assertThat(bob.get("/api/coalitions/" + ours + "/members").status()).isEqualTo(404);
        assertThat(alice.get("/api/coalitions/" + ours + "/members").body()).doesNotContain(bobEmail);
        assertThat(alice.get("/api/coalitions/" + ours + "/invitations").body()).contains(bobEmail);
        var pending = bob.get("/api/me/invitations").json().get("coalitions");
        assertThat(pending).hasSize(1);
        assertThat(pending.get(0).get("coalitionId").asString()).isEqualTo(ours);
        assertThat(pending.get(0).get("name").asString()).isEqualTo("Press desk");

        var accepted = bob.post("/api/coalitions/" + ours + "/invitation/accept", "");

        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().get("id").asString()).isEqualTo(ours);
        var bobsCoalitions = bob.get("/api/me").json().get("coalitions");
        assertThat(bobsCoalitions).hasSize(2);
        assertThat(bobsCoalitions.get(1).asString()).isEqualTo(ours);
        assertThat(bob.get("/api/coalitions/" + ours + "/members").body()).contains(bobEmail);
        assertThat(bob.get("/api/me/invitations").json().get("coalitions")).isEmpty();
        assertThat(alice.get("/api/coalitions/" + ours + "/invitations").json()).isEmpty();
        assertThat(bob.post("/api/coalitions/" + ours + "/invitation/accept", "")
                        .status())
                .as("an invitation is answered once")
                .isEqualTo(404);
    }

    @Test
    void aColleagueWhoDeclinesNeverJoins() {
        Api alice = Api.newCoordinator(port, "alice-" + UUID.randomUUID() + "@coalition.example");
        String bobEmail = "bob-" + UUID.randomUUID() + "@coalition.example";
        Api bob = Api.newCoordinator(port, bobEmail);
        String ours = coalition(alice, "Declined desk");
        alice.post("/api/coalitions/" + ours + "/members", Map.of("email", bobEmail));

        assertThat(bob.post("/api/coalitions/" + ours + "/invitation/decline", "")
                        .status())
                .isEqualTo(204);

        assertThat(bob.get("/api/me").json().get("coalitions")).hasSize(1);
        assertThat(bob.get("/api/me/invitations").json().get("coalitions")).isEmpty();
        assertThat(bob.post("/api/coalitions/" + ours + "/invitation/accept", "")
                        .status())
                .isEqualTo(404);
        assertThat(alice.get("/api/coalitions/" + ours + "/members").body()).doesNotContain(bobEmail);
    }

    @Test
    void addingAnAddressAnswersByteForByteTheSameWhetherOrNotAnAccountHasIt() {
        Api alice = Api.newCoordinator(port, "alice-" + UUID.randomUUID() + "@coalition.example");
        String ours = coalition(alice, "Probed desk");
        String withAccount = "has-account-" + UUID.randomUUID() + "@coalition.example";
        Api.newCoordinator(port, withAccount);
        String memberAlready = alice.get("/api/me").json().get("email").asString();
        String withoutAccount = "no-account-" + UUID.randomUUID() + "@coalition.example";

        List<Http.Response> answers = List.of(
                alice.post("/api/coalitions/" + ours + "/members", Map.of("email", withAccount)),
                alice.post("/api/coalitions/" + ours + "/members", Map.of("email", withoutAccount)),
                alice.post("/api/coalitions/" + ours + "/members", Map.of("email", withAccount)),
                alice.post("/api/coalitions/" + ours + "/members", Map.of("email", memberAlready)));

        Http.Response known = answers.get(0);
        assertThat(known.status()).isEqualTo(202);
        for (Http.Response answer : answers) {
            assertThat(answer.status()).isEqualTo(known.status());
            assertThat(answer.contentType()).isEqualTo(known.contentType());
            assertThat(answer.body().getBytes(StandardCharsets.UTF_8))
                    .isEqualTo(known.body().getBytes(StandardCharsets.UTF_8));
            assertThat(answer.raw().headers().map().keySet())
                    .isEqualTo(known.raw().headers().map().keySet());
        }
        assertThat(alice.get("/api/coalitions/" + ours + "/members").json()).hasSize(1);
    }

    @Test
    void aMemberLeavesButTheLastMemberCannot() {
        Api alice = Api.newCoordinator(port, "alice-" + UUID.randomUUID() + "@coalition.example");
        String bobEmail = "bob-" + UUID.randomUUID() + "@coalition.example";
        Api bob = Api.newCoordinator(port, bobEmail);
        String ours = coalition(alice, "Leaving desk");
        alice.post("/api/coalitions/" + ours + "/members", Map.of("email", bobEmail));
        bob.post("/api/coalitions/" + ours + "/invitation/accept", "");

        assertThat(alice.delete("/api/coalitions/" + ours + "/members/me").status())
                .isEqualTo(204);

        assertThat(alice.get("/api/me").json().get("coalitions").toString()).doesNotContain(ours);
        assertThat(alice.get("/api/coalitions/" + ours + "/members").status()).isEqualTo(404);
        assertThat(bob.get("/api/coalitions/" + ours + "/members").body())
                .contains(bobEmail)
                .doesNotContain("alice-");
        var last = bob.delete("/api/coalitions/" + ours + "/members/me");
        assertThat(last.status()).isEqualTo(409);
        assertThat(last.contentType()).startsWith("application/problem+json");
        assertThat(last.json().get("code").asString()).isEqualTo("coalitionLastMember");
        assertThat(bob.get("/api/me").json().get("coalitions").toString()).contains(ours);
        assertThat(alice.delete("/api/coalitions/" + ours + "/members/me").status())
                .as("no longer a member")
                .isEqualTo(404);
    }

    @Test
    void aCoordinatorOfAnotherCoalitionGetsNotFoundForEverythingAboutIt() {
        Api alice = Api.newCoordinator(port, "alice-" + UUID.randomUUID() + "@coalition.example");
        Api mallory = Api.newCoordinator(port, "mallory-" + UUID.randomUUID() + "@elsewhere.example");
        String ours = coalition(alice, "Guarded desk");
        alice.post("/api/coalitions/" + ours + "/members", Map.of("email", "carol@coalition.example"));

        List<Http.Response> answers = List.of(
                mallory.get("/api/coalitions/" + ours + "/members"),
                mallory.get("/api/coalitions/" + ours + "/invitations"),
                mallory.post("/api/coalitions/" + ours + "/members", Map.of("email", "x@elsewhere.example")),
                mallory.post("/api/coalitions/" + ours + "/invitation/accept", ""),
                mallory.post("/api/coalitions/" + ours + "/invitation/decline", ""),
                mallory.delete("/api/coalitions/" + ours + "/members/me"));

        for (Http.Response answer : answers) {
            assertThat(answer.status())
                    .as(answer.raw().request().uri().toString())
                    .isEqualTo(404);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        assertThat(alice.get("/api/coalitions/" + ours + "/members").json()).hasSize(1);
        assertThat(alice.get("/api/coalitions/" + ours + "/invitations").body())
                .contains("carol@coalition.example")
                .doesNotContain("x@elsewhere.example");
    }

    private static String coalition(Api api, String name) {
        return api.post("/api/coalitions", Map.of("name", name))
                .json()
                .get("id")
                .asString();
    }
}
