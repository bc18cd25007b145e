package org.chorus.tracking.console;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.chorus.tracking.projection.Projections;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens on PostgreSQL for committed projection changes ({@link Projections#CHANNEL}), whichever tracking instance
 * consumed the event, and hands them to this instance's dashboards. One connection of the pool is held for it. Nothing
 * ends the listening but {@link #stop()}: whatever goes wrong (a broken connection, the database down, any unexpected
 * exception) is logged by its kind only, and the listener reconnects after a back-off (1 s, doubling up to 30 s, back
 * to 1 s once listening again), then refreshes every open dashboard in case a change passed unseen.
 */
@Component
class ChangeNotifications implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ChangeNotifications.class);
    private static final int WAIT_MILLIS = 500;
    private static final long FIRST_BACK_OFF_MILLIS = 1_000;
    private static final long LONGEST_BACK_OFF_MILLIS = 30_000;

    /** Where the changes go: this instance's open dashboards. */
    interface Dashboards {
        void changed(UUID statementId);

        /** Every open dashboard again, after changes may have been missed. */
        void changedAll();
    }

    private final DataSource dataSource;
    private final Dashboards dashboards;
    private volatile boolean running;
    private volatile Thread thread;

    ChangeNotifications(DataSource dataSource, Dashboards dashboards) {
        this.dataSource = dataSource;
        this.dashboards = dashboards;
    }

    @Override
    public void start() {
        running = true;
        Thread listener = new Thread(this::listen, "tracking-change-notifications");
        listener.setDaemon(true);
        thread = listener;
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread listener = thread;
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        long backOffMillis = FIRST_BACK_OFF_MILLIS;
        boolean reconnected = false;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try {
                    connection.setAutoCommit(true);
                    execute(connection, "listen " + Projections.CHANNEL);
                    backOffMillis = FIRST_BACK_OFF_MILLIS;
                    if (reconnected) {
                        reconnected = false;
                        dashboards.changedAll();
                    }
                    PGConnection postgres = connection.unwrap(PGConnection.class);
                    while (running) {
                        PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
                        if (notifications == null) {
                            continue;
                        }
                        for (PGNotification notification : notifications) {
                            changed(notification.getParameter());
                        }
                    }
                } finally {
                    // the connection goes back to the pool: it must not keep collecting notifications there
                    stopListening(connection);
                }
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                // the kind of failure only: messages of drivers and pools may name hosts and addresses
                log.warn("Lost the change notifications ({}), listening again in {} ms", kind(e), backOffMillis);
                reconnected = true;
                try {
                    Thread.sleep(backOffMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backOffMillis = Math.min(backOffMillis * 2, LONGEST_BACK_OFF_MILLIS);
            }
        }
    }

    /** One notification to the dashboards; a failure there loses this one update, never the listening. */
    private void changed(String statementId) {
        UUID statement;
        try {
            statement = UUID.fromString(statementId);
        } catch (IllegalArgumentException e) {
            log.warn("Ignored a change notification that names no statement");
            return;
        }
        try {
            dashboards.changed(statement);
        } catch (RuntimeException e) {
            log.warn("A dashboard update failed ({}); the next change of the statement updates it", kind(e));
        }
    }

    /** Best effort: a connection that cannot even unlisten is taken out of the pool rather than returned to it. */
    private void stopListening(Connection connection) {
        try {
            if (!connection.isClosed()) {
                execute(connection, "unlisten *");
            }
        } catch (SQLException | RuntimeException e) {
            try {
                if (dataSource.isWrapperFor(HikariDataSource.class)) {
                    dataSource.unwrap(HikariDataSource.class).evictConnection(connection);
                }
            } catch (SQLException | RuntimeException notEvicted) {
                // the pool's own checks find a broken connection when it is next borrowed
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String kind(Exception e) {
        return e instanceof SQLException sql && sql.getSQLState() != null
                ? e.getClass().getSimpleName() + ", SQL state " + sql.getSQLState()
                : e.getClass().getSimpleName();
    }
}
