package org.chorus.devstack;

import com.icegreen.greenmail.util.GreenMail;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.web.util.HtmlUtils;

/** A page listing every mail the dev stack's SMTP server caught, newest first, with each mail readable in full. */
final class MailViewer implements AutoCloseable {
    private final HttpServer server;
    private final GreenMail mail;

    MailViewer(GreenMail mail, int port) {
        this.mail = mail;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            MimeMessage[] messages = mail.getReceivedMessages();
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/messages/")) {
                int index = parse(path.substring("/messages/".length()));
                if (index < 0 || index >= messages.length) {
                    send(exchange, 404, "text/plain", "No such message.");
                } else {
                    send(exchange, 200, "text/plain", render(messages[index]));
                }
                return;
            }
            StringBuilder page = new StringBuilder(
                            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Chorus mail</title></head>"
                                    + "<body><h1>Mail caught by the dev SMTP server</h1><p>")
                    .append(messages.length)
                    .append(" messages, newest first.</p><ol reversed>");
            for (int i = messages.length - 1; i >= 0; i--) {
                page.append("<li><a href=\"/messages/")
                        .append(i)
                        .append("\">")
                        .append(HtmlUtils.htmlEscape(recipients(messages[i]) + " — " + messages[i].getSubject()))
                        .append("</a></li>");
            }
            send(exchange, 200, "text/html", page.append("</ol></body></html>").toString());
        } catch (MessagingException e) {
            throw new IOException(e);
        }
    }

    private static String render(MimeMessage message) throws MessagingException, IOException {
        return "To: " + recipients(message) + "\nSubject: " + message.getSubject() + "\nMessage-ID: "
                + message.getMessageID() + "\n\n" + message.getContent();
    }

    private static String recipients(MimeMessage message) throws MessagingException {
        Address[] to = message.getAllRecipients();
        return to == null ? "" : Arrays.stream(to).map(Address::toString).collect(Collectors.joining(", "));
    }

    private static int parse(String number) {
        try {
            return Integer.parseInt(number);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
