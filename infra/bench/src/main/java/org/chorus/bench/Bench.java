package org.chorus.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.chorus.testsupport.Infrastructure;
import org.chorus.testsupport.RealInfrastructure;

/**
 * {@code java -jar infra/bench/target/chorus-bench-exec.jar <footprint|sign-on> [seconds] [clients]} or
 * {@code … rebuild [events]}: starts real
 * PostgreSQL, Kafka and SMTP in this JVM, the services as their own JVMs, measures, prints one line per benchmark
 * and writes bench-results/NAME.json.
 */
public final class Bench {

    public static void main(String[] args) throws Exception {
        System.setProperty("chorus.infrastructure", "embedded");
        Path repository = Path.of("").toAbsolutePath();
        Files.createDirectories(repository.resolve("bench-results"));
        String which = args.length > 0 ? args[0] : "all";
        int seconds = args.length > 1 && !which.equals("rebuild") ? Integer.parseInt(args[1]) : 60;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        Infrastructure infrastructure = RealInfrastructure.get();
        for (String name : which.equals("all") ? List.of("footprint", "sign-on") : List.of(which)) {
            Result result = switch (name) {
                case "footprint" -> Footprint.measure(repository, infrastructure);
                case "sign-on" ->
                    SignOnBenchmark.measure(repository, infrastructure, Duration.ofSeconds(seconds), clients);
                case "rebuild" -> RebuildBenchmark.measure(repository, infrastructure, events(args));
                default -> throw new IllegalArgumentException("unknown benchmark " + name);
            };
            result.write(repository);
        }
        System.exit(0);
    }

    /** {@code rebuild [events]}: how many events to rebuild from, 1,000,000 unless given. */
    private static long events(String[] args) {
        return args.length > 1 ? Long.parseLong(args[1].replace("_", "").replace(",", "")) : 1_000_000;
    }

    private Bench() {}
}
