package org.chorus.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.chorus.testsupport.Infrastructure;
import org.chorus.testsupport.RealInfrastructure;

/**
 * {@code java -jar infra/bench/target/chorus-bench-exec.jar <benchmark> [arguments]}: starts real PostgreSQL, Kafka
 * and SMTP in this JVM, the services as their own JVMs, measures, prints one line per benchmark and writes
 * bench-results/NAME.json. {@code footprint [levers] [services] [jdks]} (see {@link Footprint}); {@code sign-on [seconds] [clients]}; {@code propagation [seconds] [clients]}; {@code release [contacts]
 * [connections]}; {@code rebuild [events]}; {@code scale-out [events] [partitions]} (see {@link ScaleOutBenchmark}); {@code faults [scenario|all] [seconds] [clients]
 * [contacts]} (see {@link Faults}).
 */
public final class Bench {

    public static void main(String[] args) throws Exception {
        System.setProperty("chorus.infrastructure", "embedded");
        Path repository = Path.of("").toAbsolutePath();
        Files.createDirectories(repository.resolve("bench-results"));
        String which = args.length > 0 ? args[0] : "all";
        Infrastructure infrastructure = RealInfrastructure.get();
        if (which.equals("faults")) {
            boolean passed = false;
            try {
                passed = Faults.run(
                        repository,
                        infrastructure,
                        args.length > 1 ? args[1] : "all",
                        Duration.ofSeconds(argument(args, 2, 60)),
                        argument(args, 3, 8),
                        argument(args, 4, 2000));
            } catch (IllegalArgumentException unknown) {
                System.err.println(unknown.getMessage());
            } finally {
                // the embedded servers' threads would keep the JVM alive after a failure
                System.exit(passed ? 0 : 1);
            }
        }
        for (String name : which.equals("all") ? List.of("footprint", "sign-on") : List.of(which)) {
            Result result = switch (name) {
                case "footprint" -> Footprint.measure(repository, infrastructure, args);
                case "sign-on" ->
                    SignOnBenchmark.measure(
                            repository,
                            infrastructure,
                            Duration.ofSeconds(argument(args, 1, 60)),
                            argument(args, 2, 32));
                case "propagation" ->
                    PropagationBenchmark.measure(
                            repository,
                            infrastructure,
                            Duration.ofSeconds(argument(args, 1, 60)),
                            argument(args, 2, 16));
                case "release" ->
                    ReleaseBenchmark.measure(
                            repository, infrastructure, argument(args, 1, 20_000), argument(args, 2, 4));
                case "rebuild" -> RebuildBenchmark.measure(repository, infrastructure, events(args, 1_000_000));
                case "scale-out" ->
                    ScaleOutBenchmark.measure(repository, infrastructure, events(args, 200_000), argument(args, 2, 0));
                default -> throw new IllegalArgumentException("unknown benchmark " + name);
            };
            result.write(repository);
        }
        System.exit(0);
    }

    private static int argument(String[] args, int index, int otherwise) {
        return args.length > index ? Integer.parseInt(args[index]) : otherwise;
    }

    /** {@code rebuild [events]}, {@code scale-out [events]}: how many events, {@code otherwise} unless given. */
    private static long events(String[] args, long otherwise) {
        return args.length > 1 ? Long.parseLong(args[1].replace("_", "").replace(",", "")) : otherwise;
    }

    private Bench() {}
}
