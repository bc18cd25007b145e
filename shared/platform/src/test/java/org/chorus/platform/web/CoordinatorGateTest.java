package org.chorus.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Who passes the coordinator gate of a service without accounts, decided with a stand-in for the statements
 * service's {@code GET /api/me} and {@code GET /api/statements/{id}} on a real local HTTP server.
 */
class CoordinatorGateTest {
    static final String ADMIN = "admin-token";
    static final String COLLEAGUE = "colleague-token";
    static final String OLD_STATEMENTS = "token-from-before-admin-existed";
    static final String VIEWER = "token-of-a-viewer";
    static final UUID THEIRS = UUID.randomUUID();
    static final UUID COALITION = UUID.randomUUID();
    static final Map<String, String> ME = Map.of(
            ADMIN, "{\"id\":\"a\",\"email\":\"x\",\"admin\":true}",
            COLLEAGUE, "{\"id\":\"c\",\"email\":\"y\",\"admin\":false,\"coalitions\":[\"" + COALITION + "\"]}",
            OLD_STATEMENTS, "{\"id\":\"o\",\"email\":\"z\"}",
            VIEWER, "{\"id\":\"v\",\"email\":\"v\",\"admin\":false}");

    static HttpServer statements;
    static final AtomicInteger asked = new AtomicInteger();

    @BeforeAll
    static void startStatements() throws IOException {
        statements = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        statements.createContext("/api/me", exchange -> {
            asked.incrementAndGet();
            String me = ME.get(token(exchange));
            answer(exchange, me == null ? 401 : 200, me == null ? "{}" : me);
        });
        statements.createContext("/api/statements", exchange -> {
            asked.incrementAndGet();
            String token = token(exchange);
            boolean known = ME.containsKey(token);
            boolean mine = COLLEAGUE.equals(token) || VIEWER.equals(token);
            if (exchange.getRequestURI().getPath().equals("/api/statements")) {
                answer(exchange, !known ? 401 : 200, mine ? "[{\"id\":\"" + THEIRS + "\"}]" : "[]");
                return;
            }
            boolean theirs = exchange.getRequestURI().getPath().endsWith(THEIRS.toString());
            String role = VIEWER.equals(token) ? "VIEWER" : "EDITOR";
            answer(
                    exchange,
                    !known ? 401 : theirs && mine ? 200 : 404,
                    "{\"id\":\"" + THEIRS + "\",\"role\":\"" + role + "\"}");
        });
        statements.start();
    }

    @AfterAll
    static void stopStatements() {
        statements.stop(0);
    }

    @Test
    void onlyAnAdministratorMayRebuild() {
        CoordinatorGate gate = gate("/api/admin/");

        assertThat(call(gate, "POST", "/api/admin/rebuild", ADMIN).getStatus()).isEqualTo(200);

        MockHttpServletResponse colleague = call(gate, "POST", "/api/admin/rebuild", COLLEAGUE);
        assertThat(colleague.getStatus()).isEqualTo(403);
        assertThat(colleague.getContentType()).startsWith("application/problem+json");
        assertThat(body(colleague)).contains("\"status\":403", "administrator");

        assertThat(call(gate, "POST", "/api/admin/rebuild", OLD_STATEMENTS).getStatus())
                .as("a statements service that does not say admin yet")
                .isEqualTo(403);
        assertThat(call(gate, "POST", "/api/admin/rebuild", "forged").getStatus())
                .isEqualTo(401);
        assertThat(call(gate, "POST", "/api/admin/rebuild", null).getStatus()).isEqualTo(401);
    }

    @Test
    void anAddressThatOnlyRoutesAfterDecodingIsRefusedInsteadOfSlippingPastTheChecks() {
        CoordinatorGate gate = gate("/api/admin/");
        UUID someoneElses = UUID.randomUUID();

        for (String path : new String[] {
            "/api/statements/" + someoneElses + ";x/pipeline",
            "/api/statements/" + someoneElses.toString().replace("-", "%2D") + "/pipeline",
            "/api/admin;x/rebuild",
            "/api/%61dmin/rebuild",
            "/%61pi/admin/rebuild",
            "/api//admin/rebuild"
        }) {
            MockHttpServletResponse answer = call(gate, "POST", path, COLLEAGUE);
            assertThat(answer.getStatus()).as(path).isEqualTo(400);
        }
        UUID leadingZeros = UUID.fromString("0a1b2c3d-0234-4abc-8def-0123456789ab");
        for (String alias : new String[] {"a1b2c3d-234-4abc-8def-123456789ab", "not-a-statement", "1-2-3-4-5"}) {
            assertThat(call(gate, "GET", "/api/statements/" + alias + "/signatures", COLLEAGUE)
                            .getStatus())
                    .as("%s, which UUID.fromString may read as %s", alias, leadingZeros)
                    .isEqualTo(400);
        }
        assertThat(call(gate, "GET", "/api/statements/" + someoneElses + "/pipeline", COLLEAGUE)
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void aColleagueKeepsEverythingElseAndTheirOwnStatements() {
        CoordinatorGate gate = gate("/api/admin/");

        assertThat(call(gate, "GET", "/api/statements/" + THEIRS + "/counts", COLLEAGUE)
                        .getStatus())
                .isEqualTo(200);
        assertThat(call(gate, "GET", "/api/statements/" + UUID.randomUUID() + "/counts", COLLEAGUE)
                        .getStatus())
                .isEqualTo(404);
        assertThat(call(gate, "GET", "/console/statements", COLLEAGUE).getStatus())
                .isEqualTo(200);
        assertThat(call(gate, "GET", "/public/statements/" + THEIRS + "/counter", null)
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void aViewerReadsAStatementsDataButOnlyEditorsAndOwnersChangeIt() {
        CoordinatorGate gate = gate("/api/admin/");

        assertThat(call(gate, "GET", "/api/statements/" + THEIRS + "/signatures", VIEWER)
                        .getStatus())
                .isEqualTo(200);
        MockHttpServletResponse approve =
                call(gate, "POST", "/api/statements/" + THEIRS + "/moderation/x/approve", VIEWER);
        assertThat(approve.getStatus()).isEqualTo(403);
        assertThat(body(approve)).contains("editors and owners");
        assertThat(call(gate, "POST", "/api/statements/" + THEIRS + "/moderation/x/approve", COLLEAGUE)
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void anEndpointThatNamesItsStatementInTheBodyAsksTheGateForTheCallersRole() {
        CoordinatorGate gate = gate("/api/admin/");

        assertThatCode(() -> gate.requireRole(request(COLLEAGUE), THEIRS, true)).doesNotThrowAnyException();
        assertThatCode(() -> gate.requireRole(request(VIEWER), THEIRS, false)).doesNotThrowAnyException();
        assertThatThrownBy(() -> gate.requireRole(request(VIEWER), THEIRS, true))
                .isInstanceOfSatisfying(
                        CoordinatorGate.Refusal.class,
                        refusal -> assertThat(refusal.status()).isEqualTo(403));
        assertThatThrownBy(() -> gate.requireRole(request(ADMIN), THEIRS, false))
                .as("an administrator without a role on the statement")
                .isInstanceOfSatisfying(
                        CoordinatorGate.Refusal.class,
                        refusal -> assertThat(refusal.status()).isEqualTo(404));
        assertThatThrownBy(() -> gate.requireRole(request("forged"), THEIRS, false))
                .isInstanceOfSatisfying(
                        CoordinatorGate.Refusal.class,
                        refusal -> assertThat(refusal.status()).isEqualTo(401));

        assertThat(gate.statementsReadableBy(request(COLLEAGUE)).test(THEIRS)).isTrue();
        assertThat(gate.statementsReadableBy(request(ADMIN)).test(THEIRS)).isFalse();
        assertThat(gate.statementsReadableBy(request(COLLEAGUE)).test(UUID.randomUUID()))
                .isFalse();
    }

    @Test
    void aMailProvidersPathIsLeftToItsOwnAuthenticationAndCallersNameTheirCoalitions() {
        CoordinatorGate gate = new CoordinatorGate(
                "http://127.0.0.1:" + statements.getAddress().getPort(),
                List.of("/api/admin/"),
                List.of("/api/bounces"),
                new MockEnvironment());

        assertThat(call(gate, "POST", "/api/bounces", null).getStatus()).isEqualTo(200);
        assertThat(call(gate, "POST", "/api/bounces/x", null).getStatus()).isEqualTo(401);
        assertThat(gate.caller(request(COLLEAGUE)).orElseThrow())
                .isEqualTo(new CoordinatorGate.Caller("y", List.of(COALITION)));
        assertThat(gate.caller(request(ADMIN)).orElseThrow().coalitions()).isEmpty();
        assertThatThrownBy(() -> gate.caller(request("unknown")))
                .isInstanceOf(CoordinatorGate.Refusal.class)
                .satisfies(refusal ->
                        assertThat(((CoordinatorGate.Refusal) refusal).status()).isEqualTo(401));
    }

    @Test
    void withoutTheStatementsServiceTheGateIsOffForListsAndRolesToo() {
        CoordinatorGate off = new CoordinatorGate("", List.of("/api/admin/"), new MockEnvironment());

        assertThatCode(() -> off.requireRole(request(null), THEIRS, true)).doesNotThrowAnyException();
        assertThat(off.statementsReadableBy(request(null)).test(UUID.randomUUID()))
                .isTrue();
    }

    @Test
    void theAdminPrefixesAreConfigurableAndAnswersAreCached() {
        CoordinatorGate gate = gate("/api/admin/, /console/admin/");

        MockHttpServletResponse page = call(gate, "GET", "/console/admin/rebuild", COLLEAGUE);
        assertThat(page.getStatus()).isEqualTo(403);
        assertThat(page.getContentType()).startsWith("text/html");
        assertThat(call(gate, "GET", "/console/admin/rebuild", ADMIN).getStatus())
                .isEqualTo(200);

        int before = asked.get();
        assertThat(call(gate, "GET", "/console/admin/rebuild", COLLEAGUE).getStatus())
                .isEqualTo(403);
        assertThat(call(gate, "GET", "/console/admin/rebuild", ADMIN).getStatus())
                .isEqualTo(200);
        assertThat(asked.get()).isEqualTo(before);
    }

    @Test
    void inProductionAServiceWithoutTheStatementsAddressRefusesToStartInsteadOfLeavingItsApiOpen() {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("prod");
        assertThatThrownBy(() -> new CoordinatorGate("", List.of("/api/admin/"), production))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("chorus.coordinators.statements-url");

        MockEnvironment statementsItself =
                new MockEnvironment().withProperty("chorus.coordinators.accounts-here", "true");
        statementsItself.setActiveProfiles("prod");
        MockHttpServletResponse open =
                call(new CoordinatorGate("", List.of("/api/admin/"), statementsItself), "GET", "/api/x", null);
        assertThat(open.getStatus()).isEqualTo(200);
    }

    private static CoordinatorGate gate(String adminPaths) {
        return new CoordinatorGate(
                "http://127.0.0.1:" + statements.getAddress().getPort() + "/",
                List.of(adminPaths.split(",")),
                new MockEnvironment());
    }

    private static MockHttpServletRequest request(String token) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/releases");
        if (token != null) {
            request.addHeader("Authorization", "Bearer " + token);
        }
        return request;
    }

    private static MockHttpServletResponse call(CoordinatorGate gate, String method, String path, String token) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        if (token != null) {
            request.addHeader("Authorization", "Bearer " + token);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        try {
            gate.doFilter(request, response, new MockFilterChain());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return response;
    }

    private static String body(MockHttpServletResponse response) {
        try {
            return response.getContentAsString();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String token(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        return header == null ? null : header.substring("Bearer ".length());
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
