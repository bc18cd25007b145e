package org.chorus.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.chorus.testsupport.Http;

/**
 * A load generator's HTTP/1.1 client: one kept-alive socket, a form posted as bytes, the answer read to its end and
 * only its status kept. The JDK's {@code HttpClient} spent 15 % of the two cores in its selector threads and futures
 * while the sign-on benchmark ran, CPU the service under test then did not get; this spends a fraction of that.
 */
final class FormClient implements AutoCloseable {
    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private boolean answering;

    FormClient(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /**
     * Posts the form and returns the answer's status code. Sent again on a new socket only if the kept-alive one turned
     * out closed before any answer came; any other failure is thrown, and the next post opens a new socket.
     */
    int post(String path, Map<String, String> fields) throws IOException {
        byte[] body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"))
                .getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                        + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length
                        + "\r\nX-Forwarded-For: " + Http.CLIENT_ADDRESS + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        boolean reused = socket != null;
        if (!reused) {
            connect();
        }
        answering = false;
        try {
            return exchange(head, body);
        } catch (IOException e) {
            close();
            if (!reused || answering) {
                throw e;
            }
            // the server closed the kept-alive socket before reading this request: it was not submitted, send again
            connect();
            return exchange(head, body);
        }
    }

    private int exchange(byte[] head, byte[] body) throws IOException {
        out.write(head);
        out.write(body);
        out.flush();
        String statusLine = line();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = 0;
        boolean chunked = false;
        boolean closing = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closing = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(line().strip(), 16); size > 0; size = Long.parseLong(line().strip(), 16)) {
                skip(size);
                line();
            }
            line();
        } else {
            skip(length);
        }
        if (closing) {
            close();
        }
        return status;
    }

    private void connect() throws IOException {
        socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        in = new BufferedInputStream(socket.getInputStream(), 8192);
        out = new BufferedOutputStream(socket.getOutputStream(), 8192);
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed by the server");
            }
            answering = true;
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private void skip(long length) throws IOException {
        in.skipNBytes(length);
    }

    @Override
    public void close() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException ignored) {
            // nothing to keep from a socket that is going away
        } finally {
            socket = null;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
