package org.chorus.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.chorus.devstack.CoordinatorEndpoints.Call;
import org.chorus.statements.accounts.Totp;
import org.chorus.testsupport.Http;
import tools.jackson.databind.json.JsonMapper;

/**
 * Someone calling the services: an API token for the APIs and the gated consoles, and for the statements console
 * a session opened with password and TOTP, whose CSRF token every form carries.
 */
final class Caller {
    static final String PASSWORD = "another-long-password";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Answer(int status, String body, String contentType, String location) {
        tools.jackson.databind.JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private final HttpClient client;
    private final String token;
    private final String email;
    private String csrf = "";

    private Caller(String token, String email, boolean cookies) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER);
        this.client = (cookies ? builder.cookieHandler(new CookieManager()) : builder).build();
        this.token = token;
        this.email = email;
    }

    static Caller withToken(String token) {
        return new Caller(token, null, false);
    }

    static Caller anonymous() {
        return new Caller(null, null, false);
    }

    /** A new coordinator, enrolled by the dev administrator, with an API token and a console session. */
    static Caller enrol(String who) {
        return enrol(who, true);
    }

    /** A new coordinator, enrolled by the dev administrator, with an API token only; no role on any statement yet. */
    static Caller enrolForTheApi(String who) {
        return enrol(who, false);
    }

    private static Caller enrol(String who, boolean console) {
        String email = who + "-" + UUID.randomUUID() + "@coalition.example";
        var enrolment = TestPlatform.statements()
                .postJson("/api/coordinators", Map.of("email", email, "password", PASSWORD, "language", "en"));
        assertThat(enrolment.status()).isEqualTo(201);
        String secret = enrolment.json().get("totpSecret").asString();
        Instant now = clearOfAStepEnd();
        // the token takes the previous step's code, the console the current one: each code is accepted once
        var token = TestPlatform.anonymous(TestPlatform.get().ports().statements())
                .postJson(
                        "/api/tokens",
                        Map.of(
                                "email",
                                email,
                                "password",
                                PASSWORD,
                                "code",
                                Totp.code(secret, now.minusSeconds(30)),
                                "name",
                                who));
        assertThat(token.status()).as(token.body()).isEqualTo(201);
        Caller caller = new Caller(token.json().get("token").asString(), email, console);
        if (console) {
            caller.signInToTheConsole(secret, now);
        }
        return caller;
    }

    /**
     * Now, or the start of the next 30 s TOTP step when this one ends within 5 s: the previous step's code sent near a
     * step's end could reach the server two steps late and be refused (seen once in CI).
     */
    private static Instant clearOfAStepEnd() {
        Instant now = Instant.now();
        long intoStep = now.getEpochSecond() % 30;
        if (intoStep < 25) {
            return now;
        }
        try {
            Thread.sleep((30 - intoStep) * 1000 - now.getNano() / 1_000_000 + 100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return Instant.now();
    }

    private void signInToTheConsole(String secret, Instant now) {
        int statements = CoordinatorEndpoints.port("statements");
        readCsrf(send(statements, "GET", "/console/login", null, null));
        var password = send(
                statements,
                "POST",
                "/console/login",
                "application/x-www-form-urlencoded",
                form(Map.of("email", email, "password", PASSWORD, "_csrf", csrf)));
        assertThat(password.status()).as(password.body()).isEqualTo(302);
        readCsrf(send(statements, "GET", "/console/login/code", null, null));
        var code = send(
                statements,
                "POST",
                "/console/login/code",
                "application/x-www-form-urlencoded",
                form(Map.of("code", Totp.code(secret, now), "_csrf", csrf)));
        assertThat(code.status()).as(code.body()).isEqualTo(302);
        readCsrf(send(statements, "GET", "/console/account", null, null));
    }

    private void readCsrf(Answer page) {
        Matcher matcher =
                Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page.body());
        assertThat(matcher.find()).as("a CSRF token on " + page.body()).isTrue();
        csrf = matcher.group(1);
    }

    String email() {
        return email;
    }

    String token() {
        return token;
    }

    Answer call(Call call) {
        String body = call.body();
        if (call.service().equals("statements") && "application/x-www-form-urlencoded".equals(call.contentType())) {
            body = (body.isEmpty() ? "" : body + "&") + "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        }
        return send(call.port(), call.method(), call.path(), call.contentType(), body);
    }

    Answer send(int port, String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("X-Forwarded-For", Http.CLIENT_ADDRESS)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (path.startsWith("/console")) {
            request.header("Accept", "text/html,application/xhtml+xml");
        }
        boolean statementsConsole = port == CoordinatorEndpoints.port("statements") && path.startsWith("/console");
        if (token != null && !statementsConsole) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return new TreeSet<>(fields.keySet())
                .stream()
                        .map(key -> URLEncoder.encode(key, StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(fields.get(key), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
    }
}
