package org.chorus.statements.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.chorus.statements.Api;
import org.chorus.testsupport.ChorusServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@ChorusServiceTest
class ConsoleSessionsTest {
    private static final String PASSWORD = "a-long-password-1";

    @LocalServerPort
    int port;

    @Test
    void theConsoleSignsInWithPasswordAndCodeGetsAShortLivedTokenOutsideTheTokenListAndSignOutEndsIt() {
        String email = "console-" + UUID.randomUUID() + "@coalition.example";
        String secret = Api.owner(port)
                .post("/api/coordinators", Map.of("email", email, "password", PASSWORD, "language", "ar"))
                .json()
                .get("totpSecret")
                .asString();
        var anonymous = new Api(port, null);

        var wrongCode = anonymous.post(
                "/api/sessions",
                Map.of(
                        "email",
                        email,
                        "password",
                        PASSWORD,
                        "code",
                        Totp.code(secret, Instant.now().minusSeconds(600))));
        assertThat(wrongCode.status()).isEqualTo(401);
        assertThat(wrongCode.body()).doesNotContain("chorus_session_");

        var session = anonymous.post(
                "/api/sessions",
                Map.of("email", email, "password", PASSWORD, "code", Totp.code(secret, Instant.now())));
        assertThat(session.status()).as(session.body()).isEqualTo(201);
        String token = session.json().get("token").asString();
        assertThat(token).startsWith("chorus_session_");
        assertThat(session.json().get("coordinator").get("email").asString()).isEqualTo(email);
        assertThat(session.json().get("coordinator").get("language").asString()).isEqualTo("ar");
        assertThat(Instant.parse(session.json().get("expiresAt").asString()))
                .isBefore(Instant.now().plus(Duration.ofHours(9)));

        Api console = new Api(port, token);
        assertThat(console.get("/api/me").status()).isEqualTo(200);
        assertThat(console.get("/api/tokens").json().size())
                .as("a console session is not one of the personal tokens")
                .isZero();

        assertThat(console.delete("/api/sessions/current").status()).isEqualTo(204);
        assertThat(console.get("/api/me").status()).as("signed out").isEqualTo(401);
    }

    @Test
    void aPersonalTokenIsNotEndedAsASession() {
        assertThat(Api.owner(port).delete("/api/sessions/current").status()).isEqualTo(400);
        assertThat(Api.owner(port).get("/api/me").status()).isEqualTo(200);
    }
}
