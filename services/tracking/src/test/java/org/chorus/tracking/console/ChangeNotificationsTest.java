package org.chorus.tracking.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chorus.tracking.TrackingEvents.PATIENCE;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.springframework.jdbc.datasource.DelegatingDataSource;

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
        trackWithOneConfirmation();
        try (Dashboard dashboard = openDashboard()) {
            dashboard.await(confirmed(1));

            UUID signature = UUID.randomUUID();
            try (Connection otherInstance = otherInstance()) {
                try {
                    commitSignatureAndNotify(otherInstance, signature);

                    String update = dashboard.await(confirmed(2));
                    assertThat(update).contains("data-country=\"KE\"");
                } finally {
                    deleteSignature(otherInstance, signature);
                }
            }
        }
    }

    @Test
    void liveUpdatesComeBackAfterTheDatabaseDropsTheListeningConnection() throws Exception {
        trackWithOneConfirmation();
        try (Dashboard dashboard = openDashboard()) {
            dashboard.await(confirmed(1));

            UUID second = UUID.randomUUID();
            UUID third = UUID.randomUUID();
            try (Connection otherInstance = otherInstance()) {
                try {
                    // what a database restart or a failover does to the connection that listens
                    try (PreparedStatement kill = otherInstance.prepareStatement(
                                    "select count(pg_terminate_backend(pid)) from pg_stat_activity"
                                            + " where datname = current_database() and pid <> pg_backend_pid()"
                                            + " and query ilike 'listen %'");
                            ResultSet killed = kill.executeQuery()) {
                        killed.next();
                        assertThat(killed.getLong(1)).isPositive();
                    }

                    // seen either by the notification or by the refresh of open dashboards once listening again
                    commitSignatureAndNotify(otherInstance, second);
                    dashboard.await(confirmed(2));
                    // and the notifications keep coming on the new connection
                    commitSignatureAndNotify(otherInstance, third);
                    dashboard.await(confirmed(3));
                } finally {
                    deleteSignature(otherInstance, second);
                    deleteSignature(otherInstance, third);
                }
            }
        }
    }

    /** Not only database errors: a fault nobody foresaw, in the pool or in a dashboard, must not end live updates. */
    @Test
    void anUnexpectedFaultInTheListenerDoesNotEndLiveUpdates() throws Exception {
        AtomicBoolean poolFailed = new AtomicBoolean();
        DataSource poolFailingOnce = new DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws SQLException {
                if (poolFailed.compareAndSet(false, true)) {
                    throw new IllegalStateException("a fault nobody foresaw");
                }
                return super.getConnection();
            }
        };
        Set<UUID> updated = ConcurrentHashMap.newKeySet();
        AtomicInteger refreshed = new AtomicInteger();
        AtomicBoolean dashboardFailed = new AtomicBoolean();
        ChangeNotifications.Dashboards dashboards = new ChangeNotifications.Dashboards() {
            @Override
            public void changed(UUID statementId) {
                if (dashboardFailed.compareAndSet(false, true)) {
                    throw new IllegalStateException("a dashboard that broke");
                }
                updated.add(statementId);
            }

            @Override
            public void changedAll() {
                refreshed.incrementAndGet();
            }
        };
        ChangeNotifications listener = new ChangeNotifications(poolFailingOnce, dashboards);
        listener.start();
        try (Connection otherInstance = otherInstance()) {
            Eventually.await(PATIENCE, () -> {
                notifyChange(otherInstance, statement);
                assertThat(updated).contains(statement);
            });
            assertThat(poolFailed).isTrue();
            assertThat(dashboardFailed).isTrue();
            assertThat(refreshed.get())
                    .as("open dashboards refreshed after the fault")
                    .isPositive();
            assertThat(listener.isRunning()).isTrue();
        } finally {
            listener.stop();
        }
    }

    private void trackWithOneConfirmation() {
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
    }

    /** The live stream of the statement's dashboard, as the browser's EventSource reads it. */
    private Dashboard openDashboard() throws IOException, InterruptedException {
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
        return new Dashboard(events, stream.body());
    }

    private record Dashboard(BlockingQueue<String> events, Stream<String> stream) implements AutoCloseable {
        String await(Predicate<String> matching) throws InterruptedException {
            return awaitEvent(events, matching);
        }

        @Override
        public void close() {
            stream.close();
        }
    }

    private static Predicate<String> confirmed(int count) {
        return line -> line.contains("<span id=\"confirmed\" class=\"number\">" + count + "</span>");
    }

    /** The other instance's projection of a confirmation: the row and its notification in one transaction. */
    private void commitSignatureAndNotify(Connection otherInstance, UUID signature) throws SQLException {
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
        notifyChange(otherInstance, statement);
        otherInstance.commit();
        otherInstance.setAutoCommit(true);
    }

    private static void notifyChange(Connection connection, UUID statement) {
        try (PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
            notify.setString(1, Projections.CHANNEL);
            notify.setString(2, statement.toString());
            notify.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The row stood for the other instance's projection; a rebuild would rightly not know it. */
    private static void deleteSignature(Connection otherInstance, UUID signature) throws SQLException {
        if (!otherInstance.getAutoCommit()) {
            otherInstance.rollback();
            otherInstance.setAutoCommit(true);
        }
        try (PreparedStatement delete =
                otherInstance.prepareStatement("delete from signature where signature_id = ?")) {
            delete.setObject(1, signature);
            delete.executeUpdate();
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
