package org.chorus.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.chorus.testsupport.Infrastructure;
import org.chorus.testsupport.Ports;

/**
 * One fault scenario: the four services as their own JVMs, busy with everything at once while one thing breaks.
 * Signers sign and confirm ({@link SignOnUnderFault}), a coordinator drafts and opens statements
 * ({@link DraftingUnderFault}), and distribution releases the Xiamen statement to the press ({@link ReleaseUnderFault});
 * all mail goes into Postfix's {@code smtp-sink}. The fault strikes once the load has run a quarter of its time and the
 * release has sent a quarter of its mail, so every fault hits sustained sign-on and a release in flight; the load goes
 * on at least 20 s after the repair. The scenario passes when all three sides' checks hold afterwards.
 */
final class PlatformUnderFault {
    /** Distribution re-examines a SENDING row after this lease; shorter than the default 120 s to keep the run short. */
    private static final int LEASE_SECONDS = 20;

    private static final Duration AFTER_REPAIR = Duration.ofSeconds(20);

    /** The longest a fault's thread can wait (a quarter of the release: 10 min) and then restart something (5 min). */
    private static final Duration FAULT_ENDS_WITHIN = Duration.ofMinutes(16);

    /** What one side checked once the load was over: {@code anomalies} is empty or says what else went wrong. */
    record Checked(boolean passed, String check, Map<String, Object> figures, String anomalies) {}

    /** What breaks, and its repair; returns what it did, with timings. */
    interface Fault {
        String inject(Services services) throws Exception;
    }

    /** kill -9 of one service, started again at once with the same jar, arguments and port. */
    static Fault kill(String service) {
        return services -> {
            ServiceProcess victim = services.named(service);
            long started = System.nanoTime();
            victim.kill();
            victim.restart();
            return "%s killed with SIGKILL and restarted on port %d: down %d ms (restart to healthy %d ms)"
                    .formatted(victim.name, victim.port, (System.nanoTime() - started) / 1_000_000, victim.startMillis);
        };
    }

    /** The SMTP server stopped for {@code down}, then started again on the same port, appending to the same dump. */
    static Fault smtpDown(Duration down) {
        return services -> {
            long started = System.nanoTime();
            services.sink().stop();
            Thread.sleep(down.toMillis());
            services.sink().start();
            return "smtp-sink stopped, started again on the same port %d s later"
                    .formatted((System.nanoTime() - started) / 1_000_000_000);
        };
    }

    /** Postfix's smtp-sink on a free port, dumping every message it accepts to one file. */
    static final class Sink implements AutoCloseable {
        final Path dump;
        final int port;
        private Process process;

        private Sink(Path dump, int port) {
            this.dump = dump;
            this.port = port;
        }

        static Sink open() throws IOException {
            Path directory = Files.createTempDirectory("chorus-fault-sink");
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));
            Sink sink = new Sink(directory.resolve("dump"), Ports.free());
            sink.start();
            return sink;
        }

        void start() throws IOException {
            process = ReleaseBenchmark.startSink(dump, port);
        }

        void stop() throws InterruptedException {
            process.destroy();
            process.waitFor();
        }

        @Override
        public void close() {
            process.destroy();
        }
    }

    /** The four services, started one after the other; distribution mails into the sink. */
    record Services(
            ServiceProcess statements,
            ServiceProcess signatures,
            ServiceProcess tracking,
            ServiceProcess distribution,
            Sink sink)
            implements AutoCloseable {

        /** Starts them one after the other; if one does not come up, those already started are stopped. */
        static Services start(Path repository, Infrastructure infrastructure, Sink sink) {
            List<ServiceProcess> started = new ArrayList<>();
            try {
                return start(repository, infrastructure, sink, started);
            } catch (RuntimeException failed) {
                started.forEach(ServiceProcess::close);
                throw failed;
            }
        }

        private static Services start(
                Path repository, Infrastructure infrastructure, Sink sink, List<ServiceProcess> started) {
            ServiceProcess statements = ServiceProcess.start(
                    repository,
                    "statements",
                    Ports.free(),
                    infrastructure,
                    DraftingUnderFault.BOOTSTRAP.toArray(String[]::new));
            started.add(statements);
            ServiceProcess signatures = ServiceProcess.start(
                    repository, "signatures", Ports.free(), infrastructure, SignOnBenchmark.ONE_LOAD_GENERATOR);
            started.add(signatures);
            ServiceProcess tracking = ServiceProcess.start(repository, "tracking", Ports.free(), infrastructure);
            started.add(tracking);
            ServiceProcess distribution = ServiceProcess.start(
                    repository,
                    "distribution",
                    Ports.free(),
                    infrastructure,
                    "--spring.mail.port=" + sink.port,
                    "--chorus.mail.imap.host=",
                    "--chorus.mail.connections=4",
                    "--chorus.mail.lease-seconds=" + LEASE_SECONDS);
            return new Services(statements, signatures, tracking, distribution, sink);
        }

        ServiceProcess named(String name) {
            return Stream.of(statements, signatures, tracking, distribution)
                    .filter(service -> service.name.equals(name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no service " + name));
        }

        static String url(ServiceProcess service) {
            return "http://localhost:" + service.port;
        }

        @Override
        public void close() {
            Stream.of(distribution, tracking, signatures, statements).forEach(ServiceProcess::close);
        }
    }

    /** The release under way when the fault struck, how far it was, and when the repair was done. */
    private record Struck(ReleaseUnderFault release, int sentBefore, String what, Instant repairedAt) {}

    static FaultOutcome run(
            String scenario,
            Fault fault,
            Path repository,
            Infrastructure infrastructure,
            Duration duration,
            int clients,
            int contacts)
            throws Exception {
        try (Sink sink = Sink.open();
                Services services = Services.start(repository, infrastructure, sink);
                SignOnUnderFault signOn = SignOnUnderFault.open(
                        infrastructure, Services.url(services.signatures()), Services.url(services.tracking()))) {
            DraftingUnderFault drafting = new DraftingUnderFault(Services.url(services.statements()));
            long started = System.nanoTime();
            signOn.stopAt(Long.MAX_VALUE);
            CompletableFuture<Void> drafts = CompletableFuture.runAsync(drafting::run, Faults.THREAD);
            CompletableFuture<Struck> struck = CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            Thread.sleep(duration.toMillis() / 4);
                            ReleaseUnderFault release =
                                    ReleaseUnderFault.request(Services.url(services.distribution()), contacts);
                            awaitQuarter(release);
                            int sentBefore = release.sent();
                            System.out.printf(
                                    "FAULT %s: injecting after %d s of load, %d of %d release mails SENT%n",
                                    scenario, (System.nanoTime() - started) / 1_000_000_000, sentBefore, contacts);
                            String what = fault.inject(services);
                            long repaired = System.nanoTime();
                            signOn.stopAt(Math.max(started + duration.toNanos(), repaired + AFTER_REPAIR.toNanos()));
                            return new Struck(release, sentBefore, what, Instant.now());
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    Faults.THREAD);
            // whatever breaks the fault's thread (an AssertionError of a wait included) ends the load
            struck.whenComplete((done, failed) -> {
                if (failed != null) {
                    signOn.stopAt(0);
                }
            });
            Struck hit;
            double loadSeconds;
            try {
                signOn.run(clients);
                hit = struck.join();
                loadSeconds = (System.nanoTime() - started) / 1e9;
            } finally {
                signOn.stopAt(0);
                drafting.stop();
                // nothing of this scenario may go on once its services and sink are closed
                settle(struck);
                settle(drafts);
            }

            Checked signing = signOn.check(clients);
            Checked releasing = hit.release().check(infrastructure, sink.dump, hit.repairedAt());
            Checked confirming = signOn.confirmationMail(sink.dump);
            Checked opening = drafting.check(Services.url(services.signatures()), Services.url(services.tracking()));
            boolean inFlight = hit.sentBefore() < contacts;

            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("loadSeconds", Math.round(loadSeconds));
            figures.put("releaseSentWhenStruck", hit.sentBefore());
            figures.put("signOn", signing.figures());
            figures.put("confirmationMail", confirming.figures());
            figures.put("release", releasing.figures());
            figures.put("drafting", opening.figures());
            String anomalies = Stream.of(signing, confirming, releasing, opening)
                    .map(Checked::anomalies)
                    .filter(anomaly -> !anomaly.isEmpty())
                    .reduce((a, b) -> a + "; " + b)
                    .map(all -> "; " + all)
                    .orElse("");
            return new FaultOutcome(
                    scenario,
                    inFlight && signing.passed() && confirming.passed() && releasing.passed() && opening.passed(),
                    "the release was still sending when the fault struck; sign-on: %s [%s]; confirmation mail: %s [%s];"
                                    .formatted(
                                            signing.check(), verdict(signing), confirming.check(), verdict(confirming))
                            + " release: %s [%s]; drafting: %s [%s]"
                                    .formatted(
                                            releasing.check(), verdict(releasing), opening.check(), verdict(opening)),
                    figures,
                    hit.what() + anomalies);
        }
    }

    /** Waits for a side task to end, however it ends: its failure, if any, was already reported where it matters. */
    private static void settle(CompletableFuture<?> task) {
        try {
            task.get(FAULT_ENDS_WITHIN.toMinutes(), TimeUnit.MINUTES);
        } catch (ExecutionException | TimeoutException | CancellationException ended) {
            // ended, or given up on: the scenario reports what it saw
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String verdict(Checked checked) {
        return checked.passed() ? "held" : "FAILED";
    }

    /** Waits until a quarter of the release is SENT; returns how many are. */
    private static int awaitQuarter(ReleaseUnderFault release) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            int sent = release.sent();
            if (sent >= release.contacts() / 4) {
                return sent;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the release did not send a quarter of its mail within 10 minutes");
    }

    private PlatformUnderFault() {}
}
