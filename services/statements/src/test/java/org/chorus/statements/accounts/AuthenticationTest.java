package org.chorus.statements.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.chorus.statements.Api;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@ChorusServiceTest
class AuthenticationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void callsWithoutOrWithAForgedTokenAreUnauthorizedAsProblemJson() {
        var anonymous = new Http("http://localhost:" + port)
                .postJson("/api/statements", Map.of("title", "T", "body", "B", "language", "en"));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.json().get("status").asInt()).isEqualTo(401);

        var forged = new Api(port, "chorus_forged").get("/api/statements");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aNewCoordinatorEnrolsWithTotpAndTradesPasswordAndCodeForAToken() {
        String email = "enrol-" + UUID.randomUUID() + "@coalition.example";
        var enrolment = Api.owner(port)
                .post("/api/coordinators", Map.of("email", email, "password", "a-long-password-1", "language", "fr"));
        assertThat(enrolment.status()).isEqualTo(201);
        String secret = enrolment.json().get("totpSecret").asString();
        assertThat(enrolment.json().get("otpauthUri").asString())
                .startsWith("otpauth://totp/Chorus")
                .contains("secret=" + secret);
        assertThat(jdbc.sql("select totp_secret from coordinator where email = ?")
                        .param(email)
                        .query(String.class)
                        .single())
                .as("the second factor is stored sealed")
                .startsWith("v1:")
                .doesNotContain(secret);

        var anonymous = new Api(port, null);
        var wrongCode = anonymous.post(
                "/api/tokens", Map.of("email", email, "password", "a-long-password-1", "code", wrongCodeFor(secret)));
        assertThat(wrongCode.status()).isEqualTo(401);
        assertThat(wrongCode.contentType()).startsWith("application/problem+json");
        var wrongPassword = anonymous.post(
                "/api/tokens",
                Map.of("email", email, "password", "not-the-password", "code", Totp.code(secret, Instant.now())));
        assertThat(wrongPassword.status()).isEqualTo(401);

        var token = anonymous.post(
                "/api/tokens",
                Map.of("email", email, "password", "a-long-password-1", "code", Totp.code(secret, Instant.now())));
        assertThat(token.status()).isEqualTo(201);
        var replayed = anonymous.post(
                "/api/tokens",
                Map.of("email", email, "password", "a-long-password-1", "code", Totp.code(secret, Instant.now())));
        assertThat(replayed.status()).as("a code is accepted once").isEqualTo(401);
        var me = new Api(port, token.json().get("token").asString()).get("/api/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("language").asString()).isEqualTo("fr");

        var again = Api.owner(port).post("/api/coordinators", Map.of("email", email, "password", "a-long-password-1"));
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void afterFiveWrongCodesEvenTheRightCodeIsRefusedSoTheSecondFactorCannotBeGuessed() {
        String email = "guess-" + UUID.randomUUID() + "@coalition.example";
        String secret = Api.owner(port)
                .post("/api/coordinators", Map.of("email", email, "password", "a-long-password-2", "language", "en"))
                .json()
                .get("totpSecret")
                .asString();
        var anonymous = new Api(port, null);
        for (int i = 0; i < Accounts.MAX_WRONG_CODES; i++) {
            assertThat(anonymous
                            .post(
                                    "/api/tokens",
                                    Map.of(
                                            "email",
                                            email,
                                            "password",
                                            "a-long-password-2",
                                            "code",
                                            wrongCodeFor(secret)))
                            .status())
                    .isEqualTo(401);
        }
        var right = anonymous.post(
                "/api/tokens",
                Map.of("email", email, "password", "a-long-password-2", "code", Totp.code(secret, Instant.now())));
        assertThat(right.status()).isEqualTo(401);
    }

    @Test
    void theConsoleSendsStrangersToTheLoginPageAndRefusesFormsWithoutCsrfToken() {
        var http = new Http("http://localhost:" + port);
        var list = http.get("/console");
        assertThat(list.status()).isEqualTo(302);
        assertThat(list.raw().headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/console/login"));
        var login = http.get("/console/login");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains("name=\"_csrf\"", "for=\"email\"", "for=\"password\"");

        var forgedForm =
                http.postForm("/console/login", Map.of("email", Api.OWNER_EMAIL, "password", Api.OWNER_PASSWORD));
        assertThat(forgedForm.status()).isEqualTo(403);
    }

    @Test
    void theApiIsDocumentedWithOpenApi() {
        var docs = new Http("http://localhost:" + port).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/statements/{id}/diff", "/api/statements/{id}/schedule");
    }

    private static String wrongCodeFor(String secret) {
        String right = Totp.code(secret, Instant.now());
        return right.equals("000000") ? "111111" : "000000";
    }
}
