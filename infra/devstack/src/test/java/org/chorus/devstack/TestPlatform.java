package org.chorus.devstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.Infrastructure;
import org.chorus.testsupport.Ports;
import org.chorus.testsupport.RealInfrastructure;

/** The four services, started once per test JVM on this JVM's real servers and shared by the platform tests. */
final class TestPlatform {
    /**
     * The confirmation-mail budget's "hour" on the test platform, a hundredth of the real one, so that a test sees
     * held mail go out within seconds (ForgedSignOnsCannotBlockTheRealSignerTest).
     */
    static final Duration MAIL_WINDOW = Duration.ofSeconds(36);

    private static Platform platform;
    private static int consolePort;
    private static int publicPort;

    static synchronized Platform get() {
        if (platform == null) {
            Infrastructure infrastructure = RealInfrastructure.get();
            Platform.Ports ports = new Platform.Ports(Ports.free(), Ports.free(), Ports.free(), Ports.free());
            publicPort = Ports.free();
            // as in the dev stack, links in mail point at the one public origin
            platform = Platform.start(
                    infrastructure,
                    ports,
                    Map.of(
                            "chorus.outbox.idle-poll-ms",
                            100,
                            "spring.profiles.active",
                            "dev",
                            "chorus.public-url",
                            PublicOrigin.url(publicPort),
                            "chorus.signatures.rate.confirmation-mail-window",
                            MAIL_WINDOW.toString(),
                            "chorus.signatures.rate.held-mail-every",
                            "PT0.5S"));
            PublicOrigin origin = PublicOrigin.start(publicPort, ports);
            List<AutoCloseable> stop = new ArrayList<>(List.of(origin, platform));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> RealInfrastructure.stopAll(stop)));
        }
        return platform;
    }

    /** The coordinator console, started once on this platform (on first use: most platform tests do not need it). */
    static synchronized int consolePort() {
        if (consolePort == 0) {
            int port = Ports.free();
            var console = ConsoleServer.start(
                    get(), port, Map.of("chorus.console.services.public-sign-on", PublicOrigin.url(publicPort)));
            Runtime.getRuntime().addShutdownHook(new Thread(console::close));
            consolePort = port;
        }
        return consolePort;
    }

    /** The one public origin signers and press contacts see, in front of signatures, distribution and tracking. */
    static Http publicOrigin() {
        return new Http(publicUrl());
    }

    static String publicUrl() {
        get();
        return PublicOrigin.url(publicPort);
    }

    /** The statements API as the dev profile's coordinator calls it. */
    static Http statements() {
        return DevStack.coordinatorApi(get().ports().statements());
    }

    static Http signatures() {
        return new Http("http://localhost:" + get().ports().signatures());
    }

    /** Tracking as the dev profile's coordinator calls it. */
    static Http tracking() {
        return coordinator(get().ports().tracking());
    }

    /** Distribution as the dev profile's coordinator calls it. */
    static Http distribution() {
        return coordinator(get().ports().distribution());
    }

    static Http anonymous(int port) {
        return new Http("http://localhost:" + port);
    }

    private static Http coordinator(int port) {
        return anonymous(port).withHeader("Authorization", "Bearer " + DevStack.DEV_API_TOKEN);
    }

    private TestPlatform() {}
}
