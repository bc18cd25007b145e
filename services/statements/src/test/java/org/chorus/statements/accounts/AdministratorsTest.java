package org.chorus.statements.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.chorus.statements.Api;
import org.chorus.testsupport.ChorusServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@ChorusServiceTest
class AdministratorsTest {

    @LocalServerPort
    int port;

    @Test
    void theBootstrapCoordinatorIsAnAdministratorAndColleaguesAreNotUntilAnAdministratorSaysSo() {
        var owner = Api.owner(port);
        var ownerMe = owner.get("/api/me");
        assertThat(ownerMe.status()).isEqualTo(200);
        assertThat(ownerMe.json().get("admin").isBoolean()).isTrue();
        assertThat(ownerMe.json().get("admin").asBoolean()).isTrue();

        var colleague = Api.newCoordinator(port, "admin-" + UUID.randomUUID() + "@coalition.example");
        var colleagueMe = colleague.get("/api/me");
        assertThat(colleagueMe.json().get("admin").asBoolean()).isFalse();
        String colleagueId = colleagueMe.json().get("id").asString();
        String ownerId = ownerMe.json().get("id").asString();

        var selfPromotion = colleague.put("/api/coordinators/" + colleagueId + "/admin", Map.of("admin", true));
        assertThat(selfPromotion.status()).isEqualTo(403);
        assertThat(selfPromotion.contentType()).startsWith("application/problem+json");
        assertThat(colleague.get("/api/me").json().get("admin").asBoolean()).isFalse();

        var noFlag = owner.put("/api/coordinators/" + colleagueId + "/admin", Map.of());
        assertThat(noFlag.status()).isEqualTo(400);
        assertThat(noFlag.body()).contains("admin");
        var unknown = owner.put("/api/coordinators/" + UUID.randomUUID() + "/admin", Map.of("admin", true));
        assertThat(unknown.status()).isEqualTo(404);

        assertThat(owner.put("/api/coordinators/" + colleagueId + "/admin", Map.of("admin", true))
                        .status())
                .isEqualTo(204);
        assertThat(colleague.get("/api/me").json().get("admin").asBoolean()).isTrue();

        var selfDemotion = owner.put("/api/coordinators/" + ownerId + "/admin", Map.of("admin", false));
        assertThat(selfDemotion.status()).isEqualTo(409);
        assertThat(owner.get("/api/me").json().get("admin").asBoolean()).isTrue();

        assertThat(colleague
                        .put("/api/coordinators/" + colleagueId + "/admin", Map.of("admin", false))
                        .status())
                .as("nobody removes their own flag")
                .isEqualTo(409);
        assertThat(owner.put("/api/coordinators/" + colleagueId + "/admin", Map.of("admin", false))
                        .status())
                .isEqualTo(204);
        assertThat(colleague.get("/api/me").json().get("admin").asBoolean()).isFalse();
    }
}
