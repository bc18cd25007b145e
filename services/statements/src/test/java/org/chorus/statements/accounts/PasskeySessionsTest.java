package org.chorus.statements.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.chorus.statements.Api;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console opens the session of a coordinator who signed in with a passkey only with its key: no key, a wrong key
 * or an unknown coordinator get 401 and no token, all alike.
 */
@ChorusServiceTest
class PasskeySessionsTest {
    private static final String KEY = "test-console-passkey-key-0123456789";

    @LocalServerPort
    int port;

    @Test
    void onlyTheConsolesKeyOpensTheSessionOfACoordinatorWhoSignedInWithAPasskey() {
        String email = "passkey-" + UUID.randomUUID() + "@coalition.example";
        String id = Api.owner(port)
                .post("/api/coordinators", Map.of("email", email, "password", "a-long-password-1", "language", "fr"))
                .json()
                .get("id")
                .asString();
        Http statements = new Http("http://localhost:" + port);
        Map<String, String> body = Map.of("coordinatorId", id);

        for (Http refused : java.util.List.of(
                statements,
                statements.withHeader("X-Chorus-Console-Key", ""),
                statements.withHeader("X-Chorus-Console-Key", KEY + "x"),
                statements.withHeader("X-Chorus-Console-Key", KEY.substring(0, KEY.length() - 1)))) {
            var answer = refused.postJson("/api/sessions/passkey", body);
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.body()).doesNotContain("chorus_session_");
        }
        Http console = statements.withHeader("X-Chorus-Console-Key", KEY);
        assertThat(console.postJson(
                                "/api/sessions/passkey",
                                Map.of("coordinatorId", UUID.randomUUID().toString()))
                        .status())
                .as("no such coordinator")
                .isEqualTo(401);

        var session = console.postJson("/api/sessions/passkey", body);
        assertThat(session.status()).as(session.body()).isEqualTo(201);
        String token = session.json().get("token").asString();
        assertThat(token).startsWith("chorus_session_");
        assertThat(session.json().get("coordinator").get("email").asString()).isEqualTo(email);
        assertThat(session.json().get("coordinator").get("language").asString()).isEqualTo("fr");
        Api signedIn = new Api(port, token);
        assertThat(signedIn.get("/api/me").status()).isEqualTo(200);
        assertThat(signedIn.delete("/api/sessions/current").status()).isEqualTo(204);
        assertThat(signedIn.get("/api/me").status()).isEqualTo(401);
    }
}
