package org.chorus.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every answer of every service carries the same security headers, also those given before the normal chain: the slow
 * client's 408, a refused bounce report's 401, the token filters' 401, the 400 for a NUL, the container's own 400 for an
 * encoded slash, 404. Read off the wire on the running services, so nothing between filter and socket can drop
 * them.
 */
class SecurityHeadersOnEveryAnswerTest {

    @Test
    void everyRefusalOfEveryServiceCarriesTheSecurityHeaders() throws IOException {
        Platform.Ports ports = TestPlatform.get().ports();
        String statement = UUID.randomUUID().toString();
        List<Exchange> exchanges = new ArrayList<>();
        for (int port : List.of(ports.statements(), ports.signatures(), ports.tracking(), ports.distribution())) {
            exchanges.add(send(port, "GET /api/statements HTTP/1.1", "", ""));
            exchanges.add(send(port, "GET /nothing-here HTTP/1.1", "", ""));
            exchanges.add(send(port, "GET /api/statements?q=%00 HTTP/1.1", "", ""));
            exchanges.add(send(port, "GET /api/a%2Fb HTTP/1.1", "", ""));
            exchanges.add(send(port, "PATCH /api/me HTTP/1.1", "", ""));
        }
        exchanges.add(send(
                ports.distribution(),
                "POST /api/bounces HTTP/1.1",
                "Content-Type: application/json\r\n",
                "{\"messageId\":\"<x@chorus>\",\"hard\":true}"));
        exchanges.add(send(
                ports.signatures(),
                "POST /sign/" + statement + " HTTP/1.1",
                "Content-Type: application/x-www-form-urlencoded\r\n",
                "organisation=Slow+client+sending+a+byte+a+second"));

        List<String> failures = new ArrayList<>();
        for (Exchange exchange : exchanges) {
            boolean toSignIn = exchange.status() == 302; // statements' own console sends strangers to sign in
            if (exchange.status() < 400 && !toSignIn) {
                failures.add(exchange + " was not refused");
            }
            Map<String, String> headers = exchange.headers();
            check(failures, exchange, headers.get("content-security-policy"), "frame-ancestors 'none'");
            check(failures, exchange, headers.get("x-content-type-options"), "nosniff");
            check(failures, exchange, headers.get("referrer-policy"), "no-referrer");
            check(failures, exchange, headers.get("cache-control"), "no-store");
        }
        assertThat(failures).isEmpty();
        assertThat(exchanges)
                .extracting(Exchange::status)
                .as("the refusals this test means")
                .contains(401, 404, 400, 408);
        assertThat(exchanges.get(exchanges.size() - 1).status())
                .as("the slow client")
                .isEqualTo(408);
        assertThat(exchanges.get(exchanges.size() - 2).status())
                .as("the unsigned bounce")
                .isEqualTo(401);
    }

    @Test
    void theConsoleSendsTheSameHeadersOnItsPagesAndRedirects() throws IOException {
        int console = TestPlatform.consolePort();
        for (Exchange exchange : List.of(
                send(console, "GET /login HTTP/1.1", "", ""),
                send(console, "GET /statements HTTP/1.1", "", ""),
                send(console, "GET /nothing-here HTTP/1.1", "", ""))) {
            List<String> failures = new ArrayList<>();
            Map<String, String> headers = exchange.headers();
            check(failures, exchange, headers.get("content-security-policy"), "frame-ancestors 'none'");
            check(failures, exchange, headers.get("x-content-type-options"), "nosniff");
            check(failures, exchange, headers.get("referrer-policy"), "no-referrer");
            check(failures, exchange, headers.get("cache-control"), "no-store");
            assertThat(failures).isEmpty();
        }
    }

    private static void check(List<String> failures, Exchange exchange, String value, String expected) {
        if (value == null || !value.contains(expected)) {
            failures.add(exchange + " lacks " + expected + " (has " + value + ")");
        }
    }

    record Exchange(String request, int port, int status, Map<String, String> headers) {
        @Override
        public String toString() {
            return port + " " + request + " → " + status;
        }
    }

    /**
     * One request on a socket of its own. The sign-on form's body is sent as a slow client sends it, a byte a second
     * and never whole ({@code Content-Length} one byte more): the service answers 408 once its body deadline passes.
     */
    private static Exchange send(int port, String requestLine, String headers, String body) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            boolean slow = requestLine.startsWith("POST /sign/");
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: localhost\r\n" + headers
                            + (bytes.length > 0 ? "Content-Length: " + (bytes.length + (slow ? 1 : 0)) + "\r\n" : "")
                            + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            if (slow) {
                // a byte a second: each read returns, and the one after the body deadline ends it
                for (int i = 0; i < bytes.length; i++) {
                    try {
                        out.write(bytes[i]);
                        out.flush();
                        Thread.sleep(1_000);
                    } catch (IOException answeredAlready) {
                        break;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException(e);
                    }
                    if (socket.getInputStream().available() > 0) {
                        break;
                    }
                }
            } else {
                out.write(bytes);
            }
            out.flush();
            String head = head(socket.getInputStream());
            String[] lines = head.split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> parsed = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    parsed.merge(
                            lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).strip(),
                            (a, b) -> a + ", " + b);
                }
            }
            return new Exchange(requestLine, port, status, parsed);
        }
    }

    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            matched = (b == '\r' || b == '\n') ? matched + 1 : 0;
            if (matched == 4) {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }
}
