package org.chorus.tracking.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chorus.tracking.TrackingEvents.PATIENCE;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.chorus.events.SignatoryKind;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.tracking.TrackingEvents;
import org.chorus.tracking.projection.Projections;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two tracking instances behind a balancer: the instance that consumed a confirmation is not the one whose dashboard
 * a coordinator has open. Here another database connection plays the other instance: it commits a projection change
 * with its notification, and this instance's dashboard stream shows it although this instance consumed nothing.
 */
@ChorusServiceTest
class ChangeNotificationsTest {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    UUID statement = UUID.randomUUID();

    @Test
    void aChangeCommittedByAnotherInstanceReachesTheDashboardsOpenOnThisOne() throws Exception {
        TrackingEvents.open(statement, "Seen from both instances", "en");
        TrackingEvents.confirm(statement, SignatoryKind.ORGANISATION, "GB");
        Http http = new Http("http://localhost:" + port);
        Eventually.await(
                PATIENCE,
                () -> assertThat(http.get("/api/statements/" + statement + "/counts")
                                .json()
                                .get("confirmed")
                                .asLong())
                        .isEqualTo(1));

        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> stream = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://localhost:" + port + "/console/statements/" + statement + "/live"))
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> {
            try {
                stream.body().filter(line -> line.startsWith("data:")).forEach(events::add);
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            awaitEvent(events, line -> line.contains("<span id=\"confirmed\" class=\"number\">1</span>"));

            UUID signature = UUID.randomUUID();
            try (Connection otherInstance = otherInstance()) {
                try {
                    otherInstance.setAutoCommit(false);
                    try (PreparedStatement insert = otherInstance.prepareStatement(
                            "insert into signature (signature_id, statement_id, kind, country, revision,"
                                    + " revision_hash, confirmed_at) values (?, ?, 'INDIVIDUAL', 'KE', 1, ?, ?)")) {
                        insert.setObject(1, signature);
                        insert.setObject(2, statement);
                        insert.setString(3, TrackingEvents.HASH_1);
                        insert.setTimestamp(4, Timestamp.from(Instant.now()));
                        insert.executeUpdate();
                    }
                    try (PreparedStatement notify = otherInstance.prepareStatement("select pg_notify(?, ?)")) {
                        notify.setString(1, Projections.CHANNEL);
                        notify.setString(2, statement.toString());
                        notify.execute();
                    }
                    otherInstance.commit();

                    String update = awaitEvent(
                            events, line -> line.contains("<span id=\"confirmed\" class=\"number\">2</span>"));
                    assertThat(update).contains("data-country=\"KE\"");
                } finally {
                    // the row stood for the other instance's projection; a rebuild would rightly not know it
                    otherInstance.setAutoCommit(true);
                    try (PreparedStatement delete =
                            otherInstance.prepareStatement("delete from signature where signature_id = ?")) {
                        delete.setObject(1, signature);
                        delete.executeUpdate();
                    }
                }
            }
        } finally {
            stream.body().close();
        }
    }

    private Connection otherInstance() throws SQLException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        Connection connection = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
        connection.setSchema(pool.getSchema());
        return connection;
    }

    private static String awaitEvent(BlockingQueue<String> events, Predicate<String> matching)
            throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            String event = events.poll(200, TimeUnit.MILLISECONDS);
            if (event != null && matching.test(event)) {
                return event;
            }
        }
        throw new AssertionError("no such server-sent event within " + PATIENCE);
    }
}
