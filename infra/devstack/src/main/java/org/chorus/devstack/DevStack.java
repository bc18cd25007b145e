package org.chorus.devstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.Infrastructure;
import org.chorus.testsupport.RealInfrastructure;
import org.chorus.testsupport.XiamenSeed;

/**
 * Starts PostgreSQL, Kafka and an SMTP server in-process, then the four services, loads the Xiamen statement open for
 * signature, and prints where everything is. Ctrl-C stops it all.
 */
public final class DevStack {
    static final int POSTGRES = 15432;
    static final int KAFKA = 19092;
    static final int SMTP = 3025;
    static final int IMAP = 3143;
    static final int MAIL_VIEWER = 8025;
    static final String DEV_API_TOKEN = "chorus-dev-api-token";
    static final Platform.Ports PORTS = new Platform.Ports(8081, 8082, 8083, 8084);
    static final int CONSOLE = 8080;
    static final int PUBLIC = 8000;

    public static void main(String[] args) {
        long started = System.nanoTime();
        System.setProperty("chorus.infrastructure", System.getProperty("chorus.infrastructure", "embedded"));
        List<AutoCloseable> stoppers = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RealInfrastructure.stopAll(stoppers), "chorus-stop"));

        Infrastructure infrastructure = RealInfrastructure.start(POSTGRES, KAFKA, SMTP, IMAP, stoppers);
        stoppers.add(new MailViewer(infrastructure.mail(), MAIL_VIEWER));
        // the console signs coordinators in at statements on their behalf: statements counts failed attempts under the
        // address the console forwards (on loopback here; in production list the console's own address)
        // signers reach signatures through the public origin on loopback: it forwards their address, which counts
        Platform platform = Platform.start(
                infrastructure,
                PORTS,
                Map.of(
                        "spring.profiles.active",
                        "dev",
                        "chorus.statements.trusted-proxies",
                        "127.0.0.1/32,::1/128",
                        "chorus.signatures.trusted-proxies",
                        "127.0.0.1/32,::1/128",
                        "chorus.public-url",
                        PublicOrigin.url(PUBLIC)));
        stoppers.add(platform);
        stoppers.add(PublicOrigin.start(PUBLIC, PORTS));
        stoppers.add(ConsoleServer.start(
                platform, CONSOLE, Map.of("chorus.console.services.public-sign-on", PublicOrigin.url(PUBLIC))));
        String statementId = loadDemo(coordinatorApi(PORTS.statements()));

        System.out.print(banner(infrastructure, platform, statementId, (System.nanoTime() - started) / 1e9));
    }

    /**
     * Where everything is, as started: the Kafka and PostgreSQL addresses are the running servers' own (the embedded
     * KRaft broker picks its port itself), the health addresses are the services' management ports.
     */
    static String banner(Infrastructure infrastructure, Platform platform, String statementId, double seconds) {
        Platform.Ports ports = platform.ports();
        String tracking = "http://localhost:" + ports.tracking();
        String publicOrigin = PublicOrigin.url(PUBLIC);
        return String.format(
                """

                Chorus is running (started in %.1f s). Ctrl-C stops everything.

                  THE COORDINATOR CONSOLE:   http://localhost:%d/  (coordinator@chorus.example, password
                                             chorus-dev-password, TOTP secret GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ)
                  THE PUBLIC ORIGIN:         %s/  (what signers and press contacts open; mail links point here)
                  Sign the demo statement:   %s/sign/%s
                  Public counter:            %s/public/statements/%s/counter/embed
                  Mail caught by SMTP:       http://localhost:%d/
                  Statements' own pages:     http://localhost:%d/console
                  Statements API:            http://localhost:%d/api/statements/%s  (Authorization: Bearer %s)
                  Live sign-on dashboard:    %s/console/statements/%s
                  Sign-on counts:            %s/api/statements/%s/counts
                  Distribution API:          http://localhost:%d/api/contact-lists , /api/releases
                  Health and metrics:        http://localhost:{%d,%d,%d,%d}/actuator/health , /actuator/prometheus
                  PostgreSQL %s (postgres/postgres)
                  Kafka %s  SMTP localhost:%d

                """,
                seconds,
                CONSOLE,
                publicOrigin,
                publicOrigin,
                statementId,
                publicOrigin,
                statementId,
                MAIL_VIEWER,
                ports.statements(),
                ports.statements(),
                statementId,
                DEV_API_TOKEN,
                tracking,
                statementId,
                tracking,
                statementId,
                ports.distribution(),
                platform.managementPort(ports.statements()),
                platform.managementPort(ports.signatures()),
                platform.managementPort(ports.tracking()),
                platform.managementPort(ports.distribution()),
                infrastructure.jdbcUrl(),
                infrastructure.kafkaBootstrap(),
                infrastructure.smtpPort());
    }

    /** The dev profile's coordinator (statements-dev.yml) calling the statements API with its API token. */
    static Http coordinatorApi(int statementsPort) {
        return new Http("http://localhost:" + statementsPort).withHeader("Authorization", "Bearer " + DEV_API_TOKEN);
    }

    /** Creates the Xiamen statement through the statements API and opens it for signature. */
    static String loadDemo(Http statements) {
        XiamenSeed seed = XiamenSeed.load();
        var created = statements.postJson(
                "/api/statements", Map.of("title", seed.title(), "body", seed.body(), "language", "en"));
        if (created.status() != 201) {
            throw new IllegalStateException("could not create the demo statement: " + created.body());
        }
        String id = created.json().get("id").asString();
        var opened = statements.postJson("/api/statements/" + id + "/open", "");
        if (opened.status() != 200) {
            throw new IllegalStateException("could not open the demo statement: " + opened.body());
        }
        return id;
    }

    private DevStack() {}
}
