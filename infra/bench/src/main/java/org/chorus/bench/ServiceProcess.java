package org.chorus.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.Infrastructure;

/** A Chorus service started from its executable jar as its own JVM, as it runs in production. */
final class ServiceProcess implements AutoCloseable {
    /** Generous: a restart on two cores shared with other builds took over two minutes (load average 35). */
    private static final Duration HEALTHY_WITHIN = Duration.ofMinutes(5);

    final String name;
    final int port;
    private final Path log;
    private final List<String> command;
    private volatile Process process;
    volatile long startMillis;
    /** CPU time (user + system) the JVM had used when it first answered healthy: steadier than wall time on a busy machine. */
    volatile double startCpuSeconds;

    private ServiceProcess(String name, int port, Path log, List<String> command) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.command = List.copyOf(command);
        // a bench stopped with Ctrl-C leaves no service behind
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            Process current = process;
                            if (current != null) {
                                current.destroyForcibly();
                            }
                        },
                        name + "-stop"));
    }

    static ServiceProcess start(
            Path repository, String name, int port, Infrastructure infrastructure, String... extra) {
        return start(repository, name, name, port, infrastructure, extra);
    }

    /** As {@link #start(Path, String, int, Infrastructure, String...)}, logging to bench-results/LOG.log. */
    static ServiceProcess start(
            Path repository, String name, String log, int port, Infrastructure infrastructure, String... extra) {
        List<String> jvmOptions = new ArrayList<>();
        // e.g. CHORUS_BENCH_JVM_OPTS="-XX:StartFlightRecording=filename=bench-results/service.jfr" to profile
        String fromEnvironment =
                System.getenv().getOrDefault("CHORUS_BENCH_JVM_OPTS", "").strip();
        if (!fromEnvironment.isEmpty()) {
            jvmOptions.addAll(List.of(fromEnvironment.split("\\s+")));
        }
        return start(
                new Launch(Path.of(System.getProperty("java.home")), jvmOptions, jar(repository, name)),
                repository,
                name,
                log,
                port,
                infrastructure,
                extra);
    }

    /** Which java runs which jar with which JVM options (the footprint benchmark compares JDKs and levers). */
    record Launch(Path javaHome, List<String> jvmOptions, Path jar) {
        Launch {
            jvmOptions = List.copyOf(jvmOptions);
        }

        Path java() {
            return javaHome.resolve("bin").resolve("java");
        }
    }

    /** The service's executable jar as the build leaves it. */
    static Path jar(Path repository, String name) {
        Path jar = repository.resolve("services/" + name + "/target/" + name + "-0.1.0-SNAPSHOT-exec.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw -B install -DskipTests first");
        }
        return jar;
    }

    /** The command line of a service on {@code port} against {@code infrastructure}, as every benchmark starts it. */
    static List<String> command(Launch launch, int port, Infrastructure infrastructure, String... extra) {
        List<String> command = new ArrayList<>();
        command.add(launch.java().toString());
        command.addAll(launch.jvmOptions());
        // the bench reads health and metrics on the service's own port (in production they have a port of their own)
        command.addAll(List.of(
                "-jar",
                launch.jar().toString(),
                "--server.port=" + port,
                "--management.server.port=" + port,
                "--logging.level.root=WARN"));
        // an extra argument replaces the infrastructure's value (Spring would join repeated keys with a comma)
        infrastructure.springProperties().forEach((key, value) -> {
            if (java.util.Arrays.stream(extra).noneMatch(argument -> argument.startsWith("--" + key + "="))) {
                command.add("--" + key + "=" + value);
            }
        });
        command.addAll(List.of(extra));
        return command;
    }

    static ServiceProcess start(
            Launch launch,
            Path repository,
            String name,
            String log,
            int port,
            Infrastructure infrastructure,
            String... extra) {
        ServiceProcess service = new ServiceProcess(
                name,
                port,
                repository.resolve("bench-results").resolve(log + ".log"),
                command(launch, port, infrastructure, extra));
        service.launch(ProcessBuilder.Redirect.to(service.log.toFile()));
        return service;
    }

    /** kill -9: {@link Process#destroyForcibly()} sends SIGKILL on Linux; no shutdown hook, no graceful close. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the same jar with the same arguments on the same port again, appending to its log; returns once healthy. */
    void restart() {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        launch(ProcessBuilder.Redirect.appendTo(log.toFile()));
    }

    boolean alive() {
        return process.isAlive();
    }

    private void launch(ProcessBuilder.Redirect output) {
        try {
            long started = System.nanoTime();
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output)
                    .start();
            Http http = new Http("http://localhost:" + port);
            long deadline = System.nanoTime() + HEALTHY_WITHIN.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited; see " + log);
                }
                try {
                    if (http.get("/actuator/health").body().contains("\"UP\"")) {
                        startMillis = (System.nanoTime() - started) / 1_000_000;
                        startCpuSeconds = cpuSeconds();
                        return;
                    }
                } catch (UncheckedIOException notYet) {
                    // not listening yet
                }
                Thread.sleep(100);
            }
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not become healthy within " + HEALTHY_WITHIN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** CPU time (user + system) the process has used so far, in seconds, from /proc (clock ticks of 1/100 s). */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            // fields after the command name (in parentheses): state is field 3, utime 14, stime 15
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Resident memory of the process in MiB, from /proc. */
    double residentMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
            return Double.NaN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(
                    java.util.concurrent.TimeUnit.SECONDS.toMillis(20), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
