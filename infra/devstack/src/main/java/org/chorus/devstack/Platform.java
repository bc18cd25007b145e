package org.chorus.devstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.chorus.distribution.DistributionApplication;
import org.chorus.signatures.SignaturesApplication;
import org.chorus.statements.StatementsApplication;
import org.chorus.testsupport.Infrastructure;
import org.chorus.tracking.TrackingApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The four services, each its own Spring application on its own port, pointed at one set of servers. */
public record Platform(Ports ports, List<ConfigurableApplicationContext> services) implements AutoCloseable {

    public record Ports(int statements, int signatures, int tracking, int distribution) {}

    public static Platform start(Infrastructure infrastructure, Ports ports, Map<String, Object> extraProperties) {
        Map<String, Supplier<SpringApplicationBuilder>> applications = Map.of(
                "statements", StatementsApplication::application,
                "signatures", SignaturesApplication::application,
                "tracking", TrackingApplication::application,
                "distribution", DistributionApplication::application);
        List<ConfigurableApplicationContext> started = new ArrayList<>();
        for (var service : List.of(
                new Service("statements", ports.statements()),
                new Service("signatures", ports.signatures()),
                new Service("tracking", ports.tracking()),
                new Service("distribution", ports.distribution()))) {
            List<String> args = new ArrayList<>();
            infrastructure.springProperties().forEach((key, value) -> args.add("--" + key + "=" + value));
            extraProperties.forEach((key, value) -> args.add("--" + key + "=" + value));
            args.add("--server.port=" + service.port());
            // one JVM, one logging system: the last application's name would label every line
            args.add("--logging.include-application-name=false");
            started.add(applications
                    .get(service.name())
                    .get()
                    .registerShutdownHook(false)
                    .run(args.toArray(String[]::new)));
        }
        return new Platform(ports, List.copyOf(started));
    }

    private record Service(String name, int port) {}

    @Override
    public void close() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
    }
}
