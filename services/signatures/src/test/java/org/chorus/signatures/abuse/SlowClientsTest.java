package org.chorus.signatures.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.chorus.signatures.signon.Statements;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Clients that send their form a byte every two seconds, more of them than signatures serves requests at once, do not
 * keep a signer from the sign page; each of them is cut off once its body took longer than the deadline (10 s).
 */
@ChorusServiceTest
class SlowClientsTest {
    private static final int SLOW_CLIENTS = 24;

    @LocalServerPort
    int port;

    @Test
    void slowUploadsDoNotKeepOtherSignersFromTheSignPage() throws Exception {
        Http http = new Http("http://localhost:" + port);
        UUID statementId = Statements.open(http, "A statement slow clients besiege", "en", "Text.");
        ExecutorService slow = Executors.newFixedThreadPool(SLOW_CLIENTS);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                answers.add(slow.submit(() -> uploadSlowly("/sign/" + statementId)));
            }
            Thread.sleep(3_000);

            long start = System.nanoTime();
            Http.Response page = http.get("/sign/" + statementId);
            long pageMillis = (System.nanoTime() - start) / 1_000_000;
            start = System.nanoTime();
            Http.Response signed = http.postForm(
                    "/sign/" + statementId, Statements.organisation("Patient Org", "", "patient@example.org"));
            long signMillis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf(
                    "With %d slow uploaders: the sign page in %d ms, a signature in %d ms%n",
                    SLOW_CLIENTS, pageMillis, signMillis);
            assertThat(page.status()).isEqualTo(200);
            assertThat(pageMillis).isLessThan(5_000);
            assertThat(signed.status()).isEqualTo(303);

            for (Future<String> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS))
                        .as("each slow upload is cut off after the deadline")
                        .startsWith("HTTP/1.1 408");
            }
        } finally {
            slow.shutdownNow();
        }
    }

    /** Sends a form's headers, then its 2000-byte body a byte every two seconds; the status line it gets back. */
    private String uploadSlowly(String path) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(40_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 2000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < 2000; i++) {
                try {
                    out.write('a');
                    out.flush();
                } catch (IOException closed) {
                    break;
                }
                if (in.available() > 0 || sleepOrAnswered(socket)) {
                    break;
                }
            }
            byte[] head = in.readNBytes(12);
            return new String(head, StandardCharsets.US_ASCII);
        }
    }

    private static boolean sleepOrAnswered(Socket socket) throws IOException {
        for (int i = 0; i < 20; i++) {
            if (socket.getInputStream().available() > 0) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }
        return false;
    }
}
