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

    private static final List<String> SECURITY_AUTO_CONFIGURATION = List.of(
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration");

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
            // actuator answers on a port of its own (never the public one); here any free one, see managementPort
            args.add("--management.server.port=0");
            if (!service.name().equals("statements")) {
                args.add("--chorus.coordinators.statements-url=http://localhost:" + ports.statements());
                // Spring Security is on this JVM's classpath for statements only; in their own JVMs the other
                // services do not have it, and here they must not get Boot's default login either
                args.add("--spring.autoconfigure.exclude=" + String.join(",", SECURITY_AUTO_CONFIGURATION));
            }
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

    /** The port on which the service listening on {@code servicePort} answers health, metrics and info. */
    public int managementPort(int servicePort) {
        return services.stream()
                .filter(context -> Integer.valueOf(servicePort)
                        .equals(context.getEnvironment().getProperty("local.server.port", Integer.class)))
                .map(context -> context.getEnvironment().getProperty("local.management.port", Integer.class))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service listens on " + servicePort));
    }

    @Override
    public void close() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
    }
}
