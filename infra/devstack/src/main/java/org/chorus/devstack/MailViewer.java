package org.chorus.devstack;

import com.icegreen.greenmail.util.GreenMail;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * A page listing every mail the dev stack's SMTP server caught, newest first, with each mail readable in full; and
 * the same as JSON for scripts ({@code /messages.json}): names, subjects and bodies decoded, newest first.
 */
final class MailViewer implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

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
            if (path.equals("/messages.json")) {
                send(exchange, 200, "application/json", json(messages));
                return;
            }
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
                    .append(
                            " messages, newest first (as JSON: <a href=\"/messages.json\">/messages.json</a>).</p><ol reversed>");
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

    /** One object per mail, newest first: {@code index} (as in /messages/N), from, to, subject, date, body. */
    static String json(MimeMessage[] messages) throws MessagingException, IOException {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = messages.length - 1; i >= 0; i--) {
            MimeMessage message = messages[i];
            Map<String, Object> mail = new LinkedHashMap<>();
            mail.put("index", i);
            mail.put("from", addresses(message.getFrom()));
            mail.put("to", addresses(message.getAllRecipients()));
            mail.put("subject", message.getSubject());
            mail.put(
                    "date",
                    message.getSentDate() == null
                            ? null
                            : message.getSentDate().toInstant().toString());
            mail.put("messageId", message.getMessageID());
            mail.put("body", text(message.getContent()));
            list.add(mail);
        }
        return JSON.writeValueAsString(list);
    }

    /** Each as {@code {"name": "Ligue de la presse", "address": "a@b.example"}}, the name decoded (null if none). */
    private static List<Map<String, String>> addresses(Address[] addresses) {
        List<Map<String, String>> list = new ArrayList<>();
        for (Address address : addresses == null ? new Address[0] : addresses) {
            Map<String, String> one = new LinkedHashMap<>();
            if (address instanceof InternetAddress internet) {
                one.put("name", internet.getPersonal());
                one.put("address", internet.getAddress());
            } else {
                one.put("name", null);
                one.put("address", address.toString());
            }
            list.add(one);
        }
        return list;
    }

    /** The text of a mail: the body itself, or its text parts one after the other. */
    private static String text(Object content) throws MessagingException, IOException {
        if (content instanceof Multipart parts) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.isMimeType("text/*") || part.isMimeType("multipart/*")) {
                    text.append(text(part.getContent()));
                }
            }
            return text.toString();
        }
        return content == null ? "" : content.toString();
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
