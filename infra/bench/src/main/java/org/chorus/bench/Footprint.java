package org.chorus.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.chorus.testsupport.Infrastructure;
import org.chorus.testsupport.Ports;

/** Start time (to a healthy /actuator/health) and resident memory of each service in its own JVM, one at a time. */
final class Footprint {
    private static final List<String> SERVICES = List.of("statements", "signatures", "tracking", "distribution");

    static Result measure(Path repository, Infrastructure infrastructure) throws InterruptedException {
        double total = 0;
        List<String> notes = new ArrayList<>();
        for (String service : SERVICES) {
            try (ServiceProcess process = ServiceProcess.start(repository, service, Ports.free(), infrastructure)) {
                Thread.sleep(5000);
                double resident = process.residentMib();
                total += resident;
                notes.add("%s: started in %d ms, %.0f MiB resident".formatted(service, process.startMillis, resident));
            }
        }
        double machine = machineMib();
        return new Result(
                "footprint",
                total,
                "MiB resident, 4 services",
                machine,
                total / machine,
                null,
                null,
                String.join("; ", notes) + "; default JVM settings, Java " + System.getProperty("java.version"));
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
