package org.chorus.statements;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.chorus.statements.accounts.Totp;
import org.chorus.testsupport.Http;
import tools.jackson.databind.json.JsonMapper;

/** The statements API as a coordinator calls it: every request with {@code Authorization: Bearer <token>}. */
public final class Api {
    /** The coordinator that config/statements.yml bootstraps for tests. */
    public static final String OWNER_EMAIL = "owner@chorus.test";

    public static final String OWNER_PASSWORD = "owner-test-password";
    public static final String OWNER_TOTP_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    public static final String OWNER_TOKEN = "chorus-test-owner-token";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;

    public Api(int port, String token) {
        this.baseUrl = "http://localhost:" + port;
        this.token = token;
    }

    public static Api owner(int port) {
        return new Api(port, OWNER_TOKEN);
    }

    /** A new coordinator account, created by the bootstrap owner, with its own API token. */
    public static Api newCoordinator(int port, String email) {
        var enrolment = owner(port)
                .post("/api/coordinators", Map.of("email", email, "password", "a-long-password-1", "language", "en"));
        if (enrolment.status() != 201) {
            throw new AssertionError("could not create coordinator: " + enrolment.body());
        }
        String secret = enrolment.json().get("totpSecret").asString();
        var token = new Api(port, null)
                .post(
                        "/api/tokens",
                        Map.of(
                                "email",
                                email,
                                "password",
                                "a-long-password-1",
                                "code",
                                Totp.code(secret, Instant.now()),
                                "name",
                                "test"));
        if (token.status() != 201) {
            throw new AssertionError("could not get a token: " + token.body());
        }
        return new Api(port, token.json().get("token").asString());
    }

    public Http.Response get(String path) {
        return send(request(path).GET().build());
    }

    public Http.Response post(String path, Object body) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body)))
                .build());
    }

    public Http.Response delete(String path) {
        return send(request(path).DELETE().build());
    }

    public Http.Response put(String path, Object body) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(body)))
                .build());
    }

    /** Creates a draft and returns its id. */
    public String draft(String title, String body) {
        var created = post("/api/statements", Map.of("title", title, "body", body, "language", "en"));
        if (created.status() != 201) {
            throw new AssertionError("could not draft: " + created.body());
        }
        return created.json().get("id").asString();
    }

    private static String json(Object body) {
        return body instanceof String text ? text : JSON.writeValueAsString(body);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Http.Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Http.Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
