package org.chorus.statements.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chorus.statements.Api;
import org.chorus.testsupport.ChorusServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Password guessing is bounded per account and per client. Each story speaks from its own loopback address
 * (127.0.0.x), so that the other tests, which all come from 127.0.0.1, are not throttled by it; 127.0.0.9 is the
 * trusted reverse proxy of the test configuration ({@code chorus.statements.trusted-proxies}).
 */
@ChorusServiceTest
class LoginThrottleTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "a-long-password-1";

    @LocalServerPort
    int port;

    @Test
    void afterTenWrongPasswordsForAnAccountOnlyPasswordAndCodeTogetherGetInAndUnknownAddressesLookTheSame() {
        String email = "throttled-" + UUID.randomUUID() + "@coalition.example";
        String secret = enrol(email);
        for (int i = 0; i < 10; i++) {
            assertThat(tokenRequest("127.0.0.2", email, "wrong-password-" + i, "123456").status)
                    .isEqualTo(401);
        }
        Answer refused = tokenRequest("127.0.0.2", email, PASSWORD, staleCode(secret));
        assertThat(refused.status).isEqualTo(429);
        assertThat(refused.contentType).startsWith("application/problem+json");
        assertThat(refused.retryAfter).isNotNull();
        assertThat(Long.parseLong(refused.retryAfter)).isBetween(1L, 15 * 60L);
        assertThat(refused.json().get("detail").asString())
                .isEqualTo("Too many failed attempts for this account or from this network. Try again in 15 minutes.");

        Answer elsewhere = tokenRequest("127.0.0.3", email, "wrong-password", Totp.code(secret, Instant.now()));
        assertThat(elsewhere.status)
                .as("the account is protected, not only the client")
                .isEqualTo(429);
        assertThat(elsewhere.json().get("detail").asString())
                .isEqualTo(refused.json().get("detail").asString());

        String nobody = "nobody-" + UUID.randomUUID() + "@coalition.example";
        for (int i = 0; i < 10; i++) {
            assertThat(tokenRequest("127.0.0.3", nobody, "wrong-password-" + i, "123456").status)
                    .isEqualTo(401);
        }
        Answer unknown = tokenRequest("127.0.0.3", nobody, PASSWORD, "123456");
        assertThat(unknown.status).as("an unknown address looks the same").isEqualTo(429);
        assertThat(unknown.json().get("detail").asString())
                .isEqualTo(refused.json().get("detail").asString());

        String console = consoleLogin(email, PASSWORD);
        assertThat(console).as("the console says so in words").contains("Too many failed attempts", "15 minutes");
        assertThat(console).contains("value=\"" + email + "\"");
        assertThat(console)
                .as("and asks for both factors together")
                .contains("name=\"code\"", "together with the code");

        assertThat(tokenRequest("127.0.0.3", email, PASSWORD, Totp.code(secret, Instant.now())).status)
                .as("the right password with a valid code gets in")
                .isEqualTo(201);

        String colleague = "colleague-" + UUID.randomUUID() + "@coalition.example";
        String colleagueSecret = enrol(colleague);
        assertThat(tokenRequest("127.0.0.2", colleague, PASSWORD, Totp.code(colleagueSecret, Instant.now())).status)
                .as("other accounts from the same client still work")
                .isEqualTo(201);
    }

    @Test
    void aClientGuessingAcrossManyAccountsIsRefusedWhileOthersStillLogIn() {
        String email = "careful-" + UUID.randomUUID() + "@coalition.example";
        String secret = enrol(email);
        for (int i = 0; i < 30; i++) {
            String guess = "guess-" + i + "-" + UUID.randomUUID() + "@coalition.example";
            assertThat(tokenRequest("127.0.0.5", guess, "password-guess", "123456").status)
                    .isEqualTo(401);
        }
        Answer fromGuesser = tokenRequest("127.0.0.5", email, "password-guess", "123456");
        assertThat(fromGuesser.status).isEqualTo(429);
        assertThat(fromGuesser.json().get("detail").asString()).contains("Try again in");
        assertThat(tokenRequest("127.0.0.5", email, PASSWORD, Totp.code(secret, Instant.now())).status)
                .as("a coordinator behind the guesser's address gets in with both factors")
                .isEqualTo(201);

        Answer fromElsewhere = tokenRequest(
                "127.0.0.6", email, PASSWORD, Totp.code(secret, Instant.now().plusSeconds(30)));
        assertThat(fromElsewhere.status).as(fromElsewhere.body).isEqualTo(201);
    }

    @Test
    void anAccountMayBeTriedAgainOnceTheOldestFailuresHaveLeftTheWindow() {
        MovableClock clock = new MovableClock(Instant.parse("2026-05-01T10:00:00Z"));
        LoginThrottle throttle = new LoginThrottle(10, 30, 10, Duration.ofMinutes(15), clock);
        for (int i = 0; i < 10; i++) {
            throttle.attempt("Someone@Example.org", "client"); // a wrong password: the attempt stays counted
            clock.now = clock.now.plusSeconds(60);
        }
        assertThatThrownBy(() -> throttle.attempt(" SOMEONE@example.org", "another client"))
                .isInstanceOfSatisfying(
                        LoginThrottled.class,
                        refused -> assertThat(refused.getHeaders().getFirst("Retry-After"))
                                .isEqualTo("300"));
        clock.now = clock.now.plus(Duration.ofMinutes(5));
        LoginThrottle.Attempt rightPassword = throttle.attempt("someone@example.org", "client");

        throttle.succeeded(rightPassword);
        for (int i = 0; i < 10; i++) {
            assertThatCode(() -> throttle.attempt("someone@example.org", "client"))
                    .as("the right password forgets the account's failures")
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void manyAttemptsAtOnceAtTheLimitAdmitNoMoreThanTheLimit() throws Exception {
        LoginThrottle throttle = new LoginThrottle(10, 30, 10, Duration.ofMinutes(15), Clock.systemUTC());

        assertThat(admittedAtOnce(64, i -> throttle.attempt("raced@example.org", "client " + i)))
                .as("one account, many clients")
                .isEqualTo(10);
        assertThat(admittedAtOnce(64, i -> throttle.attempt("guess-" + i + "@example.org", "one client")))
                .as("one client, many accounts")
                .isEqualTo(30);
    }

    @Test
    void wrongPasswordsSentAtTheSameMomentAtTheLimitGetOnlyTheTriesLeft() throws Exception {
        String email = "raced-" + UUID.randomUUID() + "@coalition.example";
        String secret = enrol(email);
        for (int i = 0; i < 9; i++) {
            assertThat(tokenRequest("127.0.0.7", email, "wrong-password-" + i, "123456").status)
                    .isEqualTo(401);
        }

        int tried = admittedAtOnce(12, i -> {
            Answer answer = tokenRequest("127.0.0.7", email, "wrong-password-at-once-" + i, "123456");
            if (answer.status == 429) {
                throw new LoginThrottled(Duration.ofMinutes(1));
            }
            assertThat(answer.status).isEqualTo(401);
        });

        assertThat(tried).as("only the tenth failure may still be tried").isEqualTo(1);
        assertThat(tokenRequest("127.0.0.8", email, PASSWORD, staleCode(secret)).status)
                .isEqualTo(429);
        assertThat(tokenRequest("127.0.0.8", email, PASSWORD, Totp.code(secret, Instant.now())).status)
                .isEqualTo(201);
    }

    @Test
    void twoCoordinatorsBehindOneTrustedProxyAreCountedSeparately() {
        String email = "behind-proxy-" + UUID.randomUUID() + "@coalition.example";
        String secret = enrol(email);
        for (int i = 0; i < 30; i++) {
            String guess = "proxied-guess-" + i + "-" + UUID.randomUUID() + "@coalition.example";
            assertThat(tokenRequest("127.0.0.9", "198.51.100.7", guess, "password-guess", "123456").status)
                    .isEqualTo(401);
        }
        String another = "proxied-guess-" + UUID.randomUUID() + "@coalition.example";
        assertThat(tokenRequest("127.0.0.9", "198.51.100.7", another, "password-guess", "123456").status)
                .isEqualTo(429);
        assertThat(tokenRequest("127.0.0.9", "198.51.100.99, 198.51.100.7", another, "password-guess", "123456").status)
                .as("what the guesser writes to the left of the proxy's entry proves nothing")
                .isEqualTo(429);

        Answer colleague = tokenRequest("127.0.0.9", "198.51.100.8", email, PASSWORD, Totp.code(secret, Instant.now()));
        assertThat(colleague.status)
                .as("another client behind the same proxy still logs in")
                .isEqualTo(201);
    }

    @Test
    void anUntrustedSendersForwardedForIsIgnored() {
        for (int i = 0; i < 30; i++) {
            String guess = "spoofed-guess-" + i + "-" + UUID.randomUUID() + "@coalition.example";
            assertThat(tokenRequest("127.0.0.10", "198.51.100." + (10 + i), guess, "password-guess", "123456").status)
                    .isEqualTo(401);
        }
        String another = "spoofed-guess-" + UUID.randomUUID() + "@coalition.example";
        assertThat(tokenRequest("127.0.0.10", "198.51.100.200", another, "password-guess", "123456").status)
                .as("a new X-Forwarded-For from a sender that is no trusted proxy is no new client")
                .isEqualTo(429);
    }

    @Test
    void theRightfulCoordinatorLogsInDuringAPasswordGuessingAttack() {
        String email = "attacked-" + UUID.randomUUID() + "@coalition.example";
        String secret = enrol(email);
        for (String attacker : List.of("127.0.0.11", "127.0.0.12")) {
            for (int i = 0; i < 40; i++) {
                int status = tokenRequest(attacker, email, "guess-" + i, String.format("%06d", i)).status;
                assertThat(status).isIn(401, 429);
            }
        }
        for (int i = 0; i < 20; i++) {
            assertThat(tokenRequest("127.0.0.11", email, "guess-again-" + i, String.format("%06d", i)).status)
                    .as("the guesser learns nothing and spends only its own tries")
                    .isEqualTo(429);
        }

        assertThat(tokenRequest("127.0.0.13", email, PASSWORD, Totp.code(secret, Instant.now())).status)
                .as("password and code through the API")
                .isEqualTo(201);
        for (int i = 0; i < 12; i++) {
            tokenRequest("127.0.0.14", email, "guess-later-" + i, "123456");
        }
        assertThat(consoleLogInWithBothFactors(
                        email, PASSWORD, Totp.code(secret, Instant.now().plusSeconds(30))))
                .as("password, then password and code together, in the console")
                .isEqualTo("/console");
    }

    /** A code of this secret from a day ago: well-formed, and not valid now. */
    private static String staleCode(String secret) {
        return Totp.code(secret, Instant.now().minus(Duration.ofDays(1)));
    }

    /** The console's password form is refused while throttled; the form it then shows takes both factors. */
    private String consoleLogInWithBothFactors(String email, String password, String code) {
        HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        try {
            String throttled = consoleLogin(client, email, password, null).body();
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(throttled);
            assertThat(throttled).contains("name=\"code\"");
            assertThat(csrf.find()).isTrue();
            HttpResponse<String> in = consoleLogin(client, email, password, code, csrf.group(1));
            assertThat(in.statusCode()).as(in.body()).isEqualTo(302);
            return URI.create(in.headers().firstValue("Location").orElseThrow()).getPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> consoleLogin(HttpClient client, String email, String password, String code)
            throws IOException, InterruptedException {
        String form = client.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/console/login"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> answer = consoleLogin(client, email, password, code, csrf.group(1));
        assertThat(answer.statusCode()).isEqualTo(429);
        return answer;
    }

    private HttpResponse<String> consoleLogin(
            HttpClient client, String email, String password, String code, String csrf)
            throws IOException, InterruptedException {
        String fields = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + (code == null ? "" : "&code=" + code)
                + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        return client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/console/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(fields))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    interface Try {
        void run(int index);
    }

    /** Runs {@code tries} tries at the same moment; how many were not refused with {@link LoginThrottled}. */
    private static int admittedAtOnce(int tries, Try attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tries);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> admitted = new ArrayList<>();
            for (int i = 0; i < tries; i++) {
                int index = i;
                admitted.add(pool.submit(() -> {
                    start.await();
                    try {
                        attempt.run(index);
                        return true;
                    } catch (LoginThrottled refused) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int count = 0;
            for (Future<Boolean> one : admitted) {
                count += one.get() ? 1 : 0;
            }
            return count;
        } finally {
            pool.shutdown();
        }
    }

    private String enrol(String email) {
        var enrolment = Api.owner(port)
                .post("/api/coordinators", Map.of("email", email, "password", PASSWORD, "language", "en"));
        assertThat(enrolment.status()).isEqualTo(201);
        return enrolment.json().get("totpSecret").asString();
    }

    record Answer(int status, String contentType, String retryAfter, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** {@code POST /api/tokens} over a socket bound to the given loopback address, so the service sees that client. */
    private Answer tokenRequest(String from, String email, String password, String code) {
        return tokenRequest(from, null, email, password, code);
    }

    /** The same, with an {@code X-Forwarded-For} header as a reverse proxy (or anyone) may add it. */
    private Answer tokenRequest(String from, String forwardedFor, String email, String password, String code) {
        byte[] body = JSON.writeValueAsBytes(Map.of("email", email, "password", password, "code", code));
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/tokens HTTP/1.1\r\nHost: localhost:" + port
                            + (forwardedFor == null ? "" : "\r\nX-Forwarded-For: " + forwardedFor)
                            + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String response = readAll(socket.getInputStream());
            int split = response.indexOf("\r\n\r\n");
            String head = response.substring(0, split);
            String rest = response.substring(split + 4);
            int status = Integer.parseInt(head.substring(9, 12));
            String text = header(head, "Transfer-Encoding") != null ? unchunk(rest) : rest;
            return new Answer(status, header(head, "Content-Type"), header(head, "Retry-After"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The console's password form, with its CSRF token, as a browser from this machine sends it. */
    private String consoleLogin(String email, String password) {
        HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        try {
            String form = client.send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/console/login"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
            assertThat(csrf.find()).isTrue();
            String fields = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
            HttpResponse<String> answer = client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/console/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(fields))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(429);
            return answer.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                return line.substring(colon + 1).strip();
            }
        }
        return null;
    }

    private static String unchunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).strip(), 16);
            if (size == 0) {
                return out.toString();
            }
            // sizes count bytes; the bodies here are ASCII JSON
            out.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
