package org.chorus.bench;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.chorus.events.Envelope;
import org.chorus.events.EventTypes;
import org.chorus.events.SignatoryKind;
import org.chorus.events.SignatureConfirmed;
import org.chorus.events.StatementOpened;
import org.chorus.events.StatementPublished;
import org.chorus.events.Topics;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.Infrastructure;
import org.chorus.testsupport.Ports;
import org.chorus.testsupport.TopicReader;
import org.chorus.testsupport.XiamenSeed;
import tools.jackson.databind.JsonNode;

/**
 * The Xiamen statement with its 34 signatories released to {@code contacts} press contacts in three languages, into
 * Postfix's {@code smtp-sink}: messages per second from the release request until the ledger shows every mail sent.
 * The ceiling is a plain Jakarta Mail sender with the same number of connections sending messages of the same
 * average size into the same sink, in the same run. The sink's dump counts the unique recipients. Both are measured
 * after a warm-up of {@value #WARM_UP} messages of their own, so that the figures are those of running code.
 */
final class ReleaseBenchmark {
    private static final String HASH = "c".repeat(64);
    private static final int IMPORT_BATCH = 10_000;
    private static final int WARM_UP = 5_000;

    /**
     * Polls the release's progress every 2 s, as the coordinator's release page does. The end of the release is then
     * read from the ledger ({@link #lastSent}), so the polling interval does not blur it, and the benchmark does not
     * load the measured database with counts a console would not make.
     */
    private static JsonNode awaitAllSent(Http http, String release, int contacts) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                JsonNode progress = http.get("/api/releases/" + release).json();
                if (progress.at("/deliveries/sent").asInt()
                                + progress.at("/deliveries/failed").asInt()
                        >= contacts) {
                    return progress;
                }
            } catch (RuntimeException unreadable) {
                // a poll that failed is tried again, as Eventually would
            }
            Thread.sleep(2000);
        }
        throw new AssertionError("release " + release + " still sending after 30 minutes");
    }

    /** When the ledger recorded the release's last mail as sent. */
    static Instant lastSent(Infrastructure infrastructure, String release) throws Exception {
        try (Connection connection = DriverManager.getConnection(
                        infrastructure.jdbcUrl(), infrastructure.dbUser(), infrastructure.dbPassword());
                PreparedStatement last = connection.prepareStatement(
                        "select max(sent_at) from distribution.delivery where release_id = ?")) {
            last.setObject(1, UUID.fromString(release));
            try (ResultSet rows = last.executeQuery()) {
                rows.next();
                if (rows.getTimestamp(1) == null) {
                    throw new AssertionError("no mail of release " + release + " was sent");
                }
                return rows.getTimestamp(1).toInstant();
            }
        }
    }

    static Result measure(Path repository, Infrastructure infrastructure, int contacts, int connections)
            throws Exception {
        Path sinkDirectory = Files.createTempDirectory("chorus-smtp-sink");
        Files.setPosixFilePermissions(sinkDirectory, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path dump = sinkDirectory.resolve("dump");
        int sinkPort = Ports.free();
        Process sink = startSink(dump, sinkPort);
        try (ServiceProcess distribution = ServiceProcess.start(
                repository,
                "distribution",
                Ports.free(),
                infrastructure,
                "--spring.mail.port=" + sinkPort,
                "--chorus.mail.imap.host=",
                "--chorus.mail.connections=" + connections)) {
            Http http = new Http("http://localhost:" + distribution.port);
            String base = "http://localhost:" + distribution.port;

            // a first release warms the freshly started service up: the figure is for a running service, whose
            // start is the footprint benchmark's business
            UUID warmUpStatement = publishXiamen();
            UUID warmUpList = list(http, "Bench warm-up list");
            importContacts(base, warmUpList, WARM_UP, "warmup");
            awaitAllSent(http, release(http, warmUpStatement, warmUpList).id(), WARM_UP);
            Files.deleteIfExists(dump);

            UUID statement = publishXiamen();
            UUID list = list(http, "Bench press list");
            importContacts(base, list, contacts, "press");

            Requested requested = release(http, statement, list);
            String release = requested.id();
            double planned = (System.nanoTime() - requested.nanos()) / 1e9;
            JsonNode done = awaitAllSent(http, release, contacts);
            double seconds = Duration.between(requested.at(), lastSent(infrastructure, release))
                            .toNanos()
                    / 1e9;
            double rate = contacts / seconds;
            Dump released = Dump.read(dump);
            long averageSize = released.bytes() / Math.max(1, released.messages());

            Files.deleteIfExists(dump);
            ceiling(sinkPort, WARM_UP, connections, (int) averageSize);
            double ceiling = ceiling(sinkPort, contacts, connections, (int) averageSize);
            return new Result(
                    "release",
                    rate,
                    "messages/s",
                    ceiling,
                    rate / ceiling,
                    null,
                    null,
                    ("%d contacts (en/fr/es), %d SMTP connections, after a warm-up release to %d;"
                                    + " %.1f s from the release request to the last SENT"
                                    + " (%.1f s of it planning the ledger before the request was answered);"
                                    + " sink saw %d messages to %d unique recipients (failed %d); average message"
                                    + " %d bytes; ceiling = Jakarta Mail, same connections and size, same sink, after %d messages of warm-up")
                            .formatted(
                                    contacts,
                                    connections,
                                    WARM_UP,
                                    seconds,
                                    planned,
                                    released.messages(),
                                    released.recipients().size(),
                                    done.at("/deliveries/failed").asInt(),
                                    averageSize,
                                    WARM_UP));
        } finally {
            sink.destroy();
        }
    }

    static Process startSink(Path dump, int port) throws IOException {
        List<String> command = new ArrayList<>(List.of("smtp-sink", "-D", dump.toString()));
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("-u", "nobody"));
        }
        command.addAll(List.of("127.0.0.1:" + port, "256"));
        Process sink = new ProcessBuilder(command).inheritIO().start();
        Eventually.await(Duration.ofSeconds(10), () -> {
            try (var socket = new java.net.Socket("127.0.0.1", port)) {
                return socket.isConnected();
            } catch (IOException e) {
                throw new AssertionError("smtp-sink (Debian package postfix) not listening yet", e);
            }
        });
        return sink;
    }

    static UUID publishXiamen() {
        XiamenSeed seed = XiamenSeed.load();
        UUID statement = UUID.randomUUID();
        send(
                Topics.STATEMENTS,
                statement,
                EventTypes.STATEMENT_OPENED,
                new StatementOpened(statement, seed.title(), "en", 1, seed.body(), HASH));
        for (XiamenSeed.Signatory signatory : seed.signatories()) {
            send(
                    Topics.SIGNATURES,
                    statement,
                    EventTypes.SIGNATURE_CONFIRMED,
                    new SignatureConfirmed(
                            UUID.randomUUID(),
                            statement,
                            SignatoryKind.ORGANISATION,
                            signatory.name(),
                            signatory.countryCode(),
                            signatory.qualifier(),
                            1,
                            HASH,
                            Instant.now()));
        }
        send(Topics.STATEMENTS, statement, EventTypes.STATEMENT_PUBLISHED, new StatementPublished(statement, 1, HASH));
        return statement;
    }

    private static <T> void send(String topic, UUID statement, org.chorus.events.EventType<T> type, T data) {
        TopicReader.send(topic, statement.toString(), Envelope.of(type, "/bench", statement, Instant.now(), data));
    }

    private static UUID list(Http http, String name) {
        return UUID.fromString(http.postJson("/api/contact-lists", Map.of("name", name))
                .json()
                .get("id")
                .asString());
    }

    /** A release accepted by distribution, and when the request that it accepted was sent. */
    private record Requested(String id, Instant at, long nanos) {}

    /** Asks until distribution knows the statement; only the accepted request's own time counts. */
    private static Requested release(Http http, UUID statement, UUID list) {
        return Eventually.await(Duration.ofSeconds(60), () -> {
            Instant at = Instant.now();
            long nanos = System.nanoTime();
            Http.Response created =
                    http.postJson("/api/releases", Map.of("statementId", statement, "contactListId", list));
            if (created.status() != 201) {
                throw new AssertionError("release not accepted yet: " + created.body());
            }
            return new Requested(created.json().get("id").asString(), at, nanos);
        });
    }

    static void importContacts(String base, UUID list, int contacts) throws Exception {
        importContacts(base, list, contacts, "press");
    }

    /** Contacts {@code <prefix><i>@newsroom.example}, in English, French and Spanish in turn. */
    static void importContacts(String base, UUID list, int contacts, String prefix) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String[] languages = {"en", "fr", "es"};
        for (int from = 0; from < contacts; from += IMPORT_BATCH) {
            StringBuilder csv = new StringBuilder(
                    "name,email,outlet,role,country,language,beat,type,tags,source,consent_basis,accredited\n");
            for (int i = from; i < Math.min(contacts, from + IMPORT_BATCH); i++) {
                csv.append(
                        "Journalist %d,%s%d@newsroom.example,Outlet %d,Reporter,CH,%s,human rights,PRESS,,bench,legitimate interest,false\n"
                                .formatted(i, prefix, i, i % 500, languages[i % 3]));
            }
            HttpResponse<String> imported = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/contact-lists/" + list + "/imports"))
                            .header("Content-Type", "text/csv")
                            .POST(HttpRequest.BodyPublishers.ofString(csv.toString()))
                            .timeout(Duration.ofMinutes(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (imported.statusCode() != 201) {
                throw new IllegalStateException("contact import refused: " + imported.body());
            }
        }
    }

    /** {@code connections} threads, each with one open SMTP connection, sending {@code messages} in all. */
    private static double ceiling(int port, int messages, int connections, int size) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(port));
        Session session = Session.getInstance(properties);
        String body = "x".repeat(Math.max(0, size - 600)).replaceAll("(.{72})", "$1\r\n");
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long started = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            workers.add(pool.submit(() -> {
                try (Transport transport = session.getTransport("smtp")) {
                    transport.connect();
                    for (int i = next.getAndIncrement(); i < messages; i = next.getAndIncrement()) {
                        MimeMessage message = new MimeMessage(session);
                        message.setFrom(new InternetAddress("chorus@bench.example"));
                        InternetAddress to = new InternetAddress("ceiling" + i + "@newsroom.example");
                        message.setRecipient(Message.RecipientType.TO, to);
                        message.setSubject("Joint statement", "UTF-8");
                        message.setText(body, "UTF-8");
                        message.saveChanges();
                        transport.sendMessage(message, new InternetAddress[] {to});
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        return messages / ((System.nanoTime() - started) / 1e9);
    }

    /** What smtp-sink wrote: one "X-Rcpt-Args: <address>" line per recipient of each message. */
    record Dump(long messages, long bytes, Set<String> recipients) {
        static Dump read(Path file) throws IOException {
            long messages = 0;
            Set<String> recipients = new HashSet<>();
            try (var lines = Files.lines(file)) {
                for (String line : (Iterable<String>) lines::iterator) {
                    if (line.startsWith("X-Client-Addr: ")) {
                        messages++;
                    } else if (line.startsWith("X-Rcpt-Args: ")) {
                        recipients.add(line.substring("X-Rcpt-Args: ".length()).strip());
                    }
                }
            }
            return new Dump(messages, Files.size(file), recipients);
        }
    }

    private ReleaseBenchmark() {}
}
