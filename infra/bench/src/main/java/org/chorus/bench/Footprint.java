package org.chorus.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.chorus.testsupport.Infrastructure;
import org.chorus.testsupport.Ports;

/**
 * Start time (to a healthy /actuator/health) and resident memory 5 s later of each service in its own JVM, one at a
 * time, on each JDK found (the one running the bench, and JDK 25 under /usr/lib/jvm or {@code CHORUS_BENCH_JDK25}),
 * with each of the JVM's own levers alone and then the combination the single-node mode uses
 * (infra/single-node/chorus-single-node). {@code footprint [levers] [services] [jdks]}, comma-separated, all by default.
 * Writes every row to bench-results/footprint-levers.csv and the totals to bench-results/footprint.json.
 */
final class Footprint {
    static final List<String> SERVICES = List.of("statements", "signatures", "tracking", "distribution");

    /** What a lever adds: JVM options, application arguments, and whether it needs a trained class cache. */
    record Lever(String name, List<String> jvm, List<String> arguments, boolean trained) {}

    /**
     * One lever at a time, then together. The class cache is JDK 17's CDS archive (-XX:SharedArchiveFile) or JDK 25's
     * AOT cache (-XX:AOTCache, JEP 483/514/515), trained once per service by a run that exits after the context
     * refreshed ({@code spring.context.exit=onRefresh}), from the jar extracted as Spring Boot recommends.
     */
    static final List<Lever> LEVERS = List.of(
            new Lever("default", List.of(), List.of(), false),
            new Lever("serial-gc", List.of("-XX:+UseSerialGC"), List.of(), false),
            new Lever("sizing", List.of("-Xmx128m", "-Xss256k", "-XX:ReservedCodeCacheSize=48m"), List.of(), false),
            new Lever("c1-only", List.of("-XX:TieredStopAtLevel=1"), List.of(), false),
            new Lever("few-threads", List.of(), List.of("--server.tomcat.threads.min-spare=2"), false),
            new Lever("lazy-init", List.of(), List.of("--spring.main.lazy-initialization=true"), false),
            new Lever("class-cache", List.of(), List.of(), true),
            new Lever("single-node", SingleNode.JVM, SingleNode.ARGUMENTS, true));

    record Row(
            String service,
            String jdk,
            String lever,
            long startMillis,
            double startCpuSeconds,
            double residentMib,
            String load) {}

    static Result measure(Path repository, Infrastructure infrastructure, String[] args) throws InterruptedException {
        List<String> levers =
                selection(args, 1, LEVERS.stream().map(Lever::name).toList());
        List<String> services = selection(args, 2, SERVICES);
        Map<String, Path> jdks = jdks();
        List<String> chosenJdks = selection(args, 3, List.copyOf(jdks.keySet()));
        Path work = repository.resolve("infra/bench/target/footprint");
        List<Row> rows = new ArrayList<>();
        String load = loadAverage();
        for (String jdk : chosenJdks) {
            Path javaHome = jdks.get(jdk);
            for (Lever lever : LEVERS) {
                if (!levers.contains(lever.name())) {
                    continue;
                }
                for (String service : services) {
                    ServiceProcess.Launch launch =
                            launch(repository, work, javaHome, jdk, service, lever, infrastructure);
                    try (ServiceProcess process = ServiceProcess.start(
                            launch,
                            repository,
                            service,
                            "footprint-" + service,
                            Ports.free(),
                            infrastructure,
                            lever.arguments().toArray(String[]::new))) {
                        Thread.sleep(5000);
                        Row row = new Row(
                                service,
                                jdk,
                                lever.name(),
                                process.startMillis,
                                process.startCpuSeconds,
                                process.residentMib(),
                                loadAverage());
                        rows.add(row);
                        System.out.printf(
                                "footprint %-12s JDK %-3s %-14s started in %6d ms (%5.1f CPU s), %4.0f MiB resident,"
                                        + " load %s%n",
                                service,
                                jdk,
                                lever.name(),
                                row.startMillis(),
                                row.startCpuSeconds(),
                                row.residentMib(),
                                row.load());
                    }
                }
            }
        }
        write(repository, rows);
        return summary(rows, load, loadAverage(), jdks);
    }

    private static ServiceProcess.Launch launch(
            Path repository,
            Path work,
            Path javaHome,
            String jdk,
            String service,
            Lever lever,
            Infrastructure infrastructure) {
        if (!lever.trained()) {
            return new ServiceProcess.Launch(javaHome, lever.jvm(), ServiceProcess.jar(repository, service));
        }
        Path directory = work.resolve(jdk + "-" + lever.name() + "-" + service);
        Path jar = SingleNode.extract(javaHome, ServiceProcess.jar(repository, service), directory);
        List<String> use = new ArrayList<>(lever.jvm());
        use.addAll(SingleNode.classCache(jdk, directory, false));
        if (!Files.exists(SingleNode.classCacheFile(jdk, directory))) {
            List<String> train = new ArrayList<>(lever.jvm());
            train.addAll(SingleNode.classCache(jdk, directory, true));
            train.add("-Dspring.context.exit=onRefresh");
            List<String> command = ServiceProcess.command(
                    new ServiceProcess.Launch(javaHome, train, jar),
                    Ports.free(),
                    infrastructure,
                    lever.arguments().toArray(String[]::new));
            run(command, repository.resolve("bench-results/footprint-training-" + service + ".log"));
        }
        return new ServiceProcess.Launch(javaHome, use, jar);
    }

    /** A training run: the service starts, refreshes its context, exits, and the JVM writes its class cache. */
    private static void run(List<String> command, Path log) {
        try {
            long started = System.nanoTime();
            Process training = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!training.waitFor(5, TimeUnit.MINUTES)) {
                training.destroyForcibly();
                throw new IllegalStateException("training run did not finish: " + log);
            }
            System.out.printf(
                    "footprint trained a class cache in %d ms (%s)%n", (System.nanoTime() - started) / 1_000_000, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** "17" for the JDK running the bench (when it is 17), "25" for a JDK 25 found beside it. */
    static Map<String, Path> jdks() {
        Map<String, Path> jdks = new LinkedHashMap<>();
        Path running = Path.of(System.getProperty("java.home"));
        jdks.put(String.valueOf(Runtime.version().feature()), running);
        String configured = System.getenv("CHORUS_BENCH_JDK25");
        if (configured != null && !configured.isBlank()) {
            jdks.put("25", Path.of(configured));
        } else {
            try (Stream<Path> installed = Files.list(Path.of("/usr/lib/jvm"))) {
                installed
                        .filter(home -> home.getFileName().toString().matches(".*-25(\\.[0-9.]+)?-.*|.*jdk-25.*"))
                        .filter(home -> Files.isExecutable(home.resolve("bin/java")))
                        .min(Comparator.naturalOrder())
                        .ifPresent(home -> jdks.putIfAbsent("25", home));
            } catch (IOException noneThere) {
                // only the running JDK then
            }
        }
        return jdks;
    }

    private static List<String> selection(String[] args, int index, List<String> all) {
        if (args.length <= index || args[index].equals("all")) {
            return all;
        }
        return List.of(args[index].split(","));
    }

    private static void write(Path repository, List<Row> rows) {
        StringBuilder csv = new StringBuilder("service,jdk,lever,start_ms,start_cpu_s,rss_mib,load\n");
        for (Row row : rows) {
            csv.append("%s,%s,%s,%d,%.1f,%.0f,%s%n"
                    .formatted(
                            row.service(),
                            row.jdk(),
                            row.lever(),
                            row.startMillis(),
                            row.startCpuSeconds(),
                            row.residentMib(),
                            row.load()));
        }
        try {
            Files.writeString(repository.resolve("bench-results/footprint-levers.csv"), csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The four services' total resident memory per JDK and lever; the value is the best such total. */
    private static Result summary(List<Row> rows, String loadBefore, String loadAfter, Map<String, Path> jdks) {
        Map<String, double[]> totals = new LinkedHashMap<>();
        for (Row row : rows) {
            double[] total = totals.computeIfAbsent(row.jdk() + " " + row.lever(), key -> new double[3]);
            total[0] += row.residentMib();
            total[1] = Math.max(total[1], row.startMillis());
            total[2]++;
        }
        String best = null;
        List<String> notes = new ArrayList<>();
        for (var entry : totals.entrySet()) {
            double[] total = entry.getValue();
            notes.add("JDK %s: %.0f MiB for %d services, slowest start %.0f ms"
                    .formatted(entry.getKey(), total[0], (int) total[2], total[1]));
            if (total[2] == SERVICES.size() && (best == null || total[0] < totals.get(best)[0])) {
                best = entry.getKey();
            }
        }
        String key = best == null ? totals.keySet().iterator().next() : best;
        double[] chosen = totals.get(key);
        double machine = machineMib();
        return new Result(
                "footprint",
                chosen[0],
                "MiB resident, %d services (JDK %s)".formatted((int) chosen[2], key),
                machine,
                chosen[0] / machine,
                null,
                null,
                String.join("; ", notes) + "; rows in bench-results/footprint-levers.csv; JDKs " + jdks
                        + "; load average before " + loadBefore + ", after " + loadAfter);
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static double machineMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
            return Double.NaN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Footprint() {}
}
