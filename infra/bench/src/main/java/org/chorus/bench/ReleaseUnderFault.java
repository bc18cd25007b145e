package org.chorus.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.Infrastructure;
import org.chorus.testsupport.Ports;
import tools.jackson.databind.JsonNode;

/**
 * A release of the Xiamen statement to {@code contacts} press contacts into Postfix's {@code smtp-sink}, broken while
 * it sends: {@code kill-distribution} kills the distribution JVM with SIGKILL once a quarter of the mail is out and
 * restarts it on the same port; {@code smtp-down} stops the sink for a minute at the same point and starts it again on
 * the same port, appending to the same dump.
 *
 * <p>The check: the release's ledger shows every mail SENT (none failed), and the sink's dump holds, for every
 * contact, at least one message and exactly one distinct Message-ID (a mail in flight at the crash may arrive twice
 * with the same Message-ID, by design; those raw duplicates are counted), and no message to anyone else.
 */
final class ReleaseUnderFault {
    /** Distribution re-examines a SENDING row after this lease; shorter than the default 120 s to keep the run short. */
    private static final int LEASE_SECONDS = 20;

    static FaultOutcome run(String scenario, Path repository, Infrastructure infrastructure, int contacts)
            throws Exception {
        Path sinkDirectory = Files.createTempDirectory("chorus-fault-sink");
        Files.setPosixFilePermissions(sinkDirectory, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path dump = sinkDirectory.resolve("dump");
        int sinkPort = Ports.free();
        Process[] sink = {ReleaseBenchmark.startSink(dump, sinkPort)};
        try (ServiceProcess distribution = ServiceProcess.start(
                repository,
                "distribution",
                Ports.free(),
                infrastructure,
                "--spring.mail.port=" + sinkPort,
                "--chorus.mail.imap.host=",
                "--chorus.mail.connections=4",
                "--chorus.mail.lease-seconds=" + LEASE_SECONDS)) {
            String base = "http://localhost:" + distribution.port;
            Http http = new Http(base);
            UUID statement = ReleaseBenchmark.publishXiamen();
            UUID list = UUID.fromString(http.postJson("/api/contact-lists", Map.of("name", "Fault press list"))
                    .json()
                    .get("id")
                    .asString());
            ReleaseBenchmark.importContacts(base, list, contacts);

            long started = System.nanoTime();
            String release = Eventually.await(Duration.ofSeconds(60), () -> {
                Http.Response created =
                        http.postJson("/api/releases", Map.of("statementId", statement, "contactListId", list));
                if (created.status() != 201) {
                    throw new AssertionError("release not accepted yet: " + created.body());
                }
                return created.json().get("id").asString();
            });
            int sentBefore = Eventually.await(Duration.ofMinutes(10), () -> {
                int sent = deliveries(http, release).get("sent").asInt();
                if (sent < contacts / 4) {
                    throw new AssertionError("only " + sent + " sent so far");
                }
                return sent;
            });
            String what;
            long faultStarted = System.nanoTime();
            if (scenario.equals("kill-distribution")) {
                distribution.kill();
                distribution.restart();
                what =
                        ("distribution killed with SIGKILL after %d of %d mails were SENT, restarted on port %d: down %d ms"
                                        + " (restart to healthy %d ms); lease %d s")
                                .formatted(
                                        sentBefore,
                                        contacts,
                                        distribution.port,
                                        (System.nanoTime() - faultStarted) / 1_000_000,
                                        distribution.startMillis,
                                        LEASE_SECONDS);
            } else {
                sink[0].destroy();
                sink[0].waitFor();
                Thread.sleep(Duration.ofSeconds(60).toMillis());
                sink[0] = ReleaseBenchmark.startSink(dump, sinkPort);
                what = "smtp-sink stopped after %d of %d mails were SENT, started again on the same port %d s later"
                        .formatted(sentBefore, contacts, (System.nanoTime() - faultStarted) / 1_000_000_000);
            }
            long repaired = System.nanoTime();
            JsonNode done = Eventually.await(Duration.ofMinutes(15), () -> {
                JsonNode deliveries = deliveries(http, release);
                if (deliveries.get("sent").asInt() + deliveries.get("failed").asInt() < contacts) {
                    throw new AssertionError("still sending: " + deliveries);
                }
                return deliveries;
            });
            double drainSeconds = (System.nanoTime() - repaired) / 1e9;
            double totalSeconds = (System.nanoTime() - started) / 1e9;
            Thread.sleep(1000);
            Received received = Received.read(dump, release);

            Set<String> expected = new HashSet<>();
            for (int i = 0; i < contacts; i++) {
                expected.add("press%d@newsroom.example".formatted(i));
            }
            long missing = expected.stream()
                    .filter(address -> !received.messageIds().containsKey(address))
                    .count();
            long withSeveralMessageIds = received.messageIds().values().stream()
                    .filter(ids -> ids.size() > 1)
                    .count();
            long strangers = received.messageIds().keySet().stream()
                    .filter(address -> !expected.contains(address))
                    .count();
            long rawDuplicates = received.messages() - received.messageIds().size();
            int sent = done.get("sent").asInt();
            int failed = done.get("failed").asInt();
            boolean passed =
                    sent == contacts && failed == 0 && missing == 0 && withSeveralMessageIds == 0 && strangers == 0;

            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("contacts", contacts);
            figures.put("ledgerSent", sent);
            figures.put("ledgerFailed", failed);
            figures.put("sinkMessages", received.messages());
            figures.put("sinkUniqueRecipients", received.messageIds().size());
            figures.put("recipientsMissing", missing);
            figures.put("recipientsWithSeveralMessageIds", withSeveralMessageIds);
            figures.put("rawDuplicatesSameMessageId", rawDuplicates);
            figures.put("releaseMessagesToOthers", strangers);
            figures.put("otherMailInSink", received.otherMessages());
            figures.put("recoveredAfterExpiredLease", recovered(infrastructure, release));
            figures.put("secondsFromRepairToAllSent", Math.round(drainSeconds * 10) / 10.0);
            figures.put("secondsWholeRelease", Math.round(totalSeconds * 10) / 10.0);
            return new FaultOutcome(
                    scenario,
                    passed,
                    "ledger shows every mail SENT; every contact got >= 1 message of the release and exactly one distinct"
                            + " Message-ID; nobody else got any of it",
                    figures,
                    what);
        } finally {
            sink[0].destroy();
        }
    }

    private static JsonNode deliveries(Http http, String release) {
        return http.get("/api/releases/" + release).json().get("deliveries");
    }

    /** Rows of the release that distribution found SENDING under an expired lease and decided to send again. */
    private static long recovered(Infrastructure infrastructure, String release) throws Exception {
        try (Connection connection = DriverManager.getConnection(
                        infrastructure.jdbcUrl(), infrastructure.dbUser(), infrastructure.dbPassword());
                PreparedStatement count = connection.prepareStatement("""
                        select count(*) from distribution.delivery_recovery r
                        join distribution.delivery d on d.id = r.delivery_id where d.release_id = ?""")) {
            count.setObject(1, UUID.fromString(release));
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /**
     * What smtp-sink dumped of one release (Message-ID {@code <releaseId.contactId@chorus>}): per recipient the
     * Message-IDs received, and how many messages in all; {@code otherMessages} are mails distribution sent for
     * others meanwhile (e.g. confirmation requests left on chorus.mail-requests by earlier scenarios).
     */
    record Received(long messages, Map<String, Set<String>> messageIds, long otherMessages) {
        static Received read(Path dump, String release) throws IOException {
            long messages = 0;
            long others = 0;
            Map<String, Set<String>> messageIds = new HashMap<>();
            String recipient = null;
            try (var lines = Files.lines(dump)) {
                for (String line : (Iterable<String>) lines::iterator) {
                    if (line.startsWith("X-Client-Addr: ")) {
                        recipient = null;
                    } else if (line.startsWith("X-Rcpt-Args: ")) {
                        recipient = line.substring("X-Rcpt-Args: ".length())
                                .strip()
                                .split("\\s+")[0]
                                .replace("<", "")
                                .replace(">", "")
                                .toLowerCase(java.util.Locale.ROOT);
                    } else if (recipient != null && line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                        String messageId = line.substring(11).strip();
                        if (messageId.startsWith("<" + release + ".")) {
                            messages++;
                            messageIds
                                    .computeIfAbsent(recipient, address -> new HashSet<>())
                                    .add(messageId);
                        } else {
                            others++;
                        }
                        recipient = null;
                    }
                }
            }
            return new Received(messages, messageIds, others);
        }
    }

    private ReleaseUnderFault() {}
}
