package org.chorus.statements.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.chorus.statements.Api;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ChorusServiceTest
class PersonalTokensTest {
    private static final String PASSWORD = "a-long-password-1";

    @LocalServerPort
    int port;

    @Test
    void coordinatorListsTheirTokensWithoutSecretsAndARevokedTokenIsRefusedAtOnce() {
        String email = "tokens-" + UUID.randomUUID() + "@coalition.example";
        String secret = Api.owner(port)
                .post("/api/coordinators", Map.of("email", email, "password", PASSWORD, "language", "en"))
                .json()
                .get("totpSecret")
                .asString();
        var anonymous = new Api(port, null);
        var laptop = anonymous.post(
                "/api/tokens",
                Map.of("email", email, "password", PASSWORD, "code", codeAt(secret, 0), "name", "laptop"));
        assertThat(laptop.status()).isEqualTo(201);
        var script = anonymous.post(
                "/api/tokens",
                Map.of(
                        "email",
                        email,
                        "password",
                        PASSWORD,
                        "code",
                        codeAt(secret, 30),
                        "name",
                        "press script",
                        "expiresInDays",
                        30));
        assertThat(script.status()).as(script.body()).isEqualTo(201);
        Api onLaptop = new Api(port, laptop.json().get("token").asString());
        Api inScript = new Api(port, script.json().get("token").asString());
        assertThat(onLaptop.get("/api/statements").status()).isEqualTo(200);

        var list = onLaptop.get("/api/tokens");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body())
                .as("never the secret")
                .doesNotContain(laptop.json().get("token").asString())
                .doesNotContain(script.json().get("token").asString())
                .doesNotContain(Accounts.hash(laptop.json().get("token").asString()));
        assertThat(list.json().size()).isEqualTo(2);
        JsonNode laptopEntry = entry(list, "laptop");
        JsonNode scriptEntry = entry(list, "press script");
        assertThat(laptopEntry.get("createdAt").isNull()).isFalse();
        assertThat(laptopEntry.get("lastUsedAt").isNull()).as("used just now").isFalse();
        assertThat(laptopEntry.get("expiresAt").isNull())
                .as("personal tokens without expiry")
                .isTrue();
        assertThat(scriptEntry.get("lastUsedAt").isNull()).as("not used yet").isTrue();
        Instant expires = Instant.parse(scriptEntry.get("expiresAt").asString());
        assertThat(expires)
                .isBetween(
                        Instant.now().plus(Duration.ofDays(29)), Instant.now().plus(Duration.ofDays(31)));

        String scriptId = scriptEntry.get("id").asString();
        var stranger = Api.newCoordinator(port, "stranger-" + UUID.randomUUID() + "@coalition.example");
        assertThat(stranger.delete("/api/tokens/" + scriptId).status())
                .as("another coordinator's token is not there to revoke")
                .isEqualTo(404);
        assertThat(inScript.get("/api/me").status()).isEqualTo(200);

        var revoked = onLaptop.delete("/api/tokens/" + scriptId);
        assertThat(revoked.status()).isEqualTo(204);
        var me = inScript.get("/api/me");
        assertThat(me.status()).as("refused by the check other services call").isEqualTo(401);
        assertThat(me.contentType()).startsWith("application/problem+json");
        assertThat(inScript.get("/api/statements").status()).isEqualTo(401);
        assertThat(onLaptop.get("/api/me").status()).isEqualTo(200);
        assertThat(onLaptop.get("/api/tokens").json().size()).isEqualTo(1);
        assertThat(onLaptop.delete("/api/tokens/" + scriptId).status()).isEqualTo(404);
        assertThat(onLaptop.delete("/api/tokens/not-an-id").status()).isEqualTo(400);
    }

    @Test
    void aTokenRequestWithAnImpossibleExpiryIsRefusedByName() {
        var tooLong = new Api(port, null)
                .post(
                        "/api/tokens",
                        Map.of(
                                "email",
                                Api.OWNER_EMAIL,
                                "password",
                                Api.OWNER_PASSWORD,
                                "code",
                                "123456",
                                "expiresInDays",
                                0));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.contentType()).startsWith("application/problem+json");
        assertThat(tooLong.body()).contains("expiresInDays");
        assertThat(new Http("http://localhost:" + port).get("/api/tokens").status())
                .isEqualTo(401);
    }

    private static JsonNode entry(Http.Response list, String name) {
        for (JsonNode token : list.json()) {
            if (token.get("name").asString().equals(name)) {
                return token;
            }
        }
        throw new AssertionError("no token named " + name + " in " + list.body());
    }

    /** Codes are accepted once: the second token uses the next step's code, within the accepted drift. */
    private static String codeAt(String secret, int secondsAhead) {
        return Totp.code(secret, Instant.now().plusSeconds(secondsAhead));
    }
}
