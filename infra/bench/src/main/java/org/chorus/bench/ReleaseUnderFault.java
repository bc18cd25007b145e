package org.chorus.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.Infrastructure;
import tools.jackson.databind.JsonNode;

/**
 * The release side of a fault scenario ({@link PlatformUnderFault}): the Xiamen statement released by distribution to
 * {@code contacts} press contacts into Postfix's {@code smtp-sink}.
 *
 * <p>The check: the release's ledger shows every mail SENT (none failed), and the sink's dump holds, for every
 * contact, at least one message and exactly one distinct Message-ID (a mail in flight at a crash may arrive twice
 * with the same Message-ID, by design; those raw duplicates are counted), and no message to anyone else.
 */
final class ReleaseUnderFault {
    private final Http http;
    private final String release;
    private final int contacts;
    private final Instant requested;

    private ReleaseUnderFault(Http http, String release, int contacts, Instant requested) {
        this.http = http;
        this.release = release;
        this.contacts = contacts;
        this.requested = requested;
    }

    /** Imports the contacts and asks distribution for the release (until it knows the statement). */
    static ReleaseUnderFault request(String distribution, int contacts) throws Exception {
        Http http = new Http(distribution);
        UUID statement = ReleaseBenchmark.publishXiamen();
        UUID list = UUID.fromString(http.postJson("/api/contact-lists", Map.of("name", "Fault press list"))
                .json()
                .get("id")
                .asString());
        ReleaseBenchmark.importContacts(distribution, list, contacts);
        Instant requested = Instant.now();
        String release = Eventually.await(Duration.ofSeconds(60), () -> {
            Http.Response created =
                    http.postJson("/api/releases", Map.of("statementId", statement, "contactListId", list));
            if (created.status() != 201) {
                throw new AssertionError("release not accepted yet: " + created.body());
            }
            return created.json().get("id").asString();
        });
        return new ReleaseUnderFault(http, release, contacts, requested);
    }

    int contacts() {
        return contacts;
    }

    /** How many mails of the release the ledger shows SENT; -1 while distribution does not answer. */
    int sent() {
        try {
            return deliveries(http, release).get("sent").asInt();
        } catch (RuntimeException down) {
            return -1;
        }
    }

    /** Waits until every mail is SENT or FAILED, then reads the sink's dump (see the class comment). */
    PlatformUnderFault.Checked check(Infrastructure infrastructure, Path dump, Instant repaired) throws Exception {
        JsonNode done = Eventually.await(Duration.ofMinutes(15), () -> {
            JsonNode deliveries = deliveries(http, release);
            if (deliveries.get("sent").asInt() + deliveries.get("failed").asInt() < contacts) {
                throw new AssertionError("still sending: " + deliveries);
            }
            return deliveries;
        });
        Thread.sleep(1000);
        SinkDump.Received received = SinkDump.read(dump).received(id -> id.startsWith("<" + release + "."));

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
        // from the ledger: when the check looked is no measure of when the release ended
        Instant lastSent = ReleaseBenchmark.lastSent(infrastructure, release);
        figures.put("secondsFromRepairToLastSent", seconds(Duration.between(repaired, lastSent)));
        figures.put("secondsWholeRelease", seconds(Duration.between(requested, lastSent)));
        return new PlatformUnderFault.Checked(
                passed,
                "the release's ledger shows every mail SENT; every contact got >= 1 message of it and exactly one"
                        + " distinct Message-ID; nobody else got any of it",
                figures,
                "");
    }

    private static double seconds(Duration duration) {
        return Math.round(duration.toMillis() / 100.0) / 10.0;
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
}
