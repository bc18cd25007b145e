package org.chorus.devstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chorus.console.ConsoleApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The coordinator console on its own port, pointed at the four services of a running {@link Platform}: its passkeys
 * in a schema of the platform's database, their relying party this port of localhost, and statements' console key.
 */
public final class ConsoleServer {

    public static ConfigurableApplicationContext start(Platform platform, int port, Map<String, Object> extra) {
        Platform.Ports ports = platform.ports();
        var statements = platform.services().get(0).getEnvironment();
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + statements.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + statements.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + statements.getProperty("spring.datasource.password"),
                "--chorus.console.passkeys.rp-id=localhost",
                "--chorus.console.passkeys.allowed-origins=http://localhost:" + port,
                "--chorus.console.passkeys.statements-key=" + statements.getProperty("chorus.passkeys.console-key", ""),
                "--server.port=" + port,
                "--chorus.console.services.statements=http://localhost:" + ports.statements(),
                "--chorus.console.services.signatures=http://localhost:" + ports.signatures(),
                "--chorus.console.services.tracking=http://localhost:" + ports.tracking(),
                "--chorus.console.services.distribution=http://localhost:" + ports.distribution(),
                "--logging.include-application-name=false"));
        extra.forEach((key, value) -> args.add("--" + key + "=" + value));
        return ConsoleApplication.application().registerShutdownHook(false).run(args.toArray(String[]::new));
    }

    private ConsoleServer() {}
}
