package org.chorus.tracking.console;

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
 * consumed the event, and hands them to this instance's dashboards. One connection of the pool is held for it; when it
 * breaks, the listener reconnects after a second and refreshes every open dashboard, in case a change passed unseen.
 */
@Component
class ChangeNotifications implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ChangeNotifications.class);
    private static final int WAIT_MILLIS = 500;

    private final DataSource dataSource;
    private final LiveUpdates live;
    private volatile boolean running;
    private volatile Thread thread;

    ChangeNotifications(DataSource dataSource, LiveUpdates live) {
        this.dataSource = dataSource;
        this.live = live;
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
        boolean reconnected = false;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + Projections.CHANNEL);
                }
                if (reconnected) {
                    live.changedAll();
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
                // the connection goes back to the pool: it must not keep collecting notifications there
                try (Statement statement = connection.createStatement()) {
                    statement.execute("unlisten *");
                }
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                log.warn("Lost the change notifications, listening again in a second: {}", e.toString());
                reconnected = true;
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void changed(String statementId) {
        try {
            live.changed(UUID.fromString(statementId));
        } catch (IllegalArgumentException e) {
            log.warn("Ignored a change notification that names no statement");
        }
    }
}
