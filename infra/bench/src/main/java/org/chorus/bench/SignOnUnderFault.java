package org.chorus.bench;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.chorus.events.Envelope;
import org.chorus.events.EventCodec;
import org.chorus.events.EventTypes;
import org.chorus.events.MailRequested;
import org.chorus.events.StatementOpened;
import org.chorus.events.Topics;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.Infrastructure;
import org.chorus.testsupport.Ports;
import org.chorus.testsupport.TopicReader;
import tools.jackson.databind.JsonNode;

/**
 * Sustained sign-on while something breaks: signatures and tracking run as their own JVMs; {@code clients} signers
 * each submit the public form and confirm the links that signatures asks distribution to mail (read from the
 * {@code chorus.mail.requested.v1} records on {@code chorus.mail-requests}, as a mailbox would receive them). A third
 * of the way in, the fault is injected and repaired while the load goes on; errors during the outage are counted,
 * never as accepted. A confirmation that got no answer (connection lost, 5xx) is tried again, as a signer would click
 * again, until it is answered: 200 (accepted), or 409 "already confirmed" when the lost attempt had committed.
 *
 * <p>The check: tracking's confirmed count for the statement, and the number of CONFIRMED signatures in the
 * signatures service's own coordinator list, both equal exactly the confirmations answered 200 plus those whose lost
 * attempt had committed (reported apart); read again after 5 s so a late duplicate would show. And nothing accepted is
 * lost: every submission answered 303 is in that list and had its confirmation mail requested on Kafka.
 */
final class SignOnUnderFault {
    private static final String HASH = "e".repeat(64);

    /** What breaks in the middle of the load, and its repair. */
    interface Fault {
        /** Breaks something and repairs it; returns what it did, with timings. */
        String inject(ServiceProcess signatures, ServiceProcess tracking) throws Exception;
    }

    /** kill -9 of one service, restarted at once on the same port. */
    static Fault kill(String service) {
        return (signatures, tracking) -> {
            ServiceProcess victim = service.equals("signatures") ? signatures : tracking;
            long started = System.nanoTime();
            victim.kill();
            victim.restart();
            return "%s killed with SIGKILL and restarted on port %d: down %d ms (restart to healthy %d ms)"
                    .formatted(victim.name, victim.port, (System.nanoTime() - started) / 1_000_000, victim.startMillis);
        };
    }

    static FaultOutcome run(
            String scenario,
            Fault fault,
            Path repository,
            Infrastructure infrastructure,
            Duration duration,
            int clients)
            throws Exception {
        try (ServiceProcess signatures = ServiceProcess.start(
                        repository,
                        "signatures",
                        Ports.free(),
                        infrastructure,
                        "--chorus.signatures.rate.per-link-per-hour=1000000000",
                        "--chorus.signatures.rate.per-client-per-hour=1000000000");
                ServiceProcess tracking = ServiceProcess.start(repository, "tracking", Ports.free(), infrastructure)) {
            String signing = "http://localhost:" + signatures.port;
            String tracked = "http://localhost:" + tracking.port;
            UUID statement = UUID.randomUUID();
            try (LinkReader links = new LinkReader(infrastructure, statement)) {
                TopicReader.send(
                        Topics.STATEMENTS,
                        statement.toString(),
                        Envelope.of(
                                EventTypes.STATEMENT_OPENED,
                                "/bench",
                                statement,
                                Instant.now(),
                                new StatementOpened(statement, "Fault statement", "en", 1, "Text.", HASH)));
                Eventually.await(Duration.ofSeconds(60), () -> {
                    if (new Http(signing).get("/sign/" + statement).status() != 200) {
                        throw new AssertionError("statement not open yet");
                    }
                });

                Load load = new Load(signing, statement, links);
                long started = System.nanoTime();
                load.stopAt.set(started + duration.toNanos());
                CompletableFuture<String> injected = CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                Thread.sleep(duration.toMillis() / 3);
                                System.out.printf(
                                        "FAULT %s: injecting after %d s of load%n", scenario, duration.toSeconds() / 3);
                                String what = fault.inject(signatures, tracking);
                                // keep the load going for a while after the repair, whatever the planned duration
                                load.stopAt.accumulateAndGet(
                                        System.nanoTime()
                                                + Duration.ofSeconds(20).toNanos(),
                                        Math::max);
                                return what;
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        },
                        Faults.THREAD);
                load.run(clients);
                String what = injected.join();
                double loadSeconds = (System.nanoTime() - started) / 1e9;
                load.settleRetries(Duration.ofMinutes(3));

                long expected = load.accepted.size() + load.committedUnanswered.size();
                long caughtUpAt = System.nanoTime();
                long trackingCount = Eventually.await(Duration.ofMinutes(4), () -> {
                    long count = confirmedInTracking(tracked, statement);
                    if (count < expected) {
                        throw new AssertionError("tracking shows " + count + " of " + expected + " so far");
                    }
                    return count;
                });
                double drainSeconds = (System.nanoTime() - caughtUpAt) / 1e9;
                // every accepted submission's confirmation mail was requested: the outbox drained into Kafka
                boolean mailed = awaitQuietly(Duration.ofMinutes(2), () -> links.seen.size() >= load.submitted.get());
                Thread.sleep(5000);
                long trackingLater = confirmedInTracking(tracked, statement);
                Signed signed = signed(signing, statement);
                boolean passed = load.submitted.get() > 0
                        && expected > 0
                        && trackingCount == expected
                        && trackingLater == expected
                        && signed.confirmed() == expected
                        && signed.total() >= load.submitted.get()
                        && mailed
                        && load.anomalies.isEmpty();

                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("clients", clients);
                figures.put("loadSeconds", Math.round(loadSeconds));
                figures.put("submittedAccepted", load.submitted.get());
                figures.put("submitErrors", load.submitErrors.get());
                figures.put("confirmLinksMailed", links.seen.size());
                figures.put("duplicateMailRequests", links.duplicates.get());
                figures.put("confirmedAnswered200", load.accepted.size());
                figures.put("confirmedByLostAttempt", load.committedUnanswered.size());
                figures.put("confirmAttemptsFailed", load.confirmErrors.get());
                figures.put("expectedConfirmed", expected);
                figures.put("trackingConfirmed", trackingCount);
                figures.put("trackingConfirmed5sLater", trackingLater);
                figures.put("signaturesConfirmed", signed.confirmed());
                figures.put("signaturesStored", signed.total());
                figures.put("trackingCaughtUpSeconds", Math.round(drainSeconds * 10) / 10.0);
                return new FaultOutcome(
                        scenario,
                        passed,
                        "tracking's confirmed count and signatures' CONFIRMED list both equal the confirmations"
                                + " answered 200 (+ those whose lost attempt committed, answered 409 on retry);"
                                + " every submission answered 303 is stored and had its confirmation mail requested;"
                                + " the load got through (some submissions accepted and confirmed)",
                        figures,
                        what + (load.anomalies.isEmpty() ? "" : "; anomalies: " + load.anomalies));
            }
        }
    }

    private static long confirmedInTracking(String tracked, UUID statement) {
        Http.Response counts = new Http(tracked).get("/api/statements/" + statement + "/counts");
        if (counts.status() != 200) {
            throw new AssertionError("tracking answered " + counts.status());
        }
        return counts.json().get("confirmed").asLong();
    }

    record Signed(long total, long confirmed) {}

    /** The signatures service's own coordinator list of the statement: all rows, and those CONFIRMED. */
    private static Signed signed(String signing, UUID statement) {
        Http.Response list = new Http(signing).get("/api/statements/" + statement + "/signatures");
        if (list.status() != 200) {
            throw new IllegalStateException("signatures answered " + list.status());
        }
        long total = 0;
        long confirmed = 0;
        for (JsonNode signature : list.json()) {
            total++;
            if ("CONFIRMED".equals(signature.get("status").asString())) {
                confirmed++;
            }
        }
        return new Signed(total, confirmed);
    }

    private static boolean awaitQuietly(Duration timeout, java.util.function.BooleanSupplier condition) {
        try {
            Eventually.await(timeout, () -> {
                if (!condition.getAsBoolean()) {
                    throw new AssertionError("not yet");
                }
            });
            return true;
        } catch (AssertionError notInTime) {
            return false;
        }
    }

    /** The signers: each submits the form, then confirms a link from its mailbox (or one it must click again). */
    private static final class Load {
        final String base;
        final UUID statement;
        final LinkReader links;
        final AtomicLong stopAt = new AtomicLong();
        final AtomicLong submitted = new AtomicLong();
        final AtomicLong submitErrors = new AtomicLong();
        final AtomicLong confirmErrors = new AtomicLong();
        final Set<String> accepted = ConcurrentHashMap.newKeySet();
        final Set<String> unanswered = ConcurrentHashMap.newKeySet();
        final Set<String> committedUnanswered = ConcurrentHashMap.newKeySet();
        final Queue<String> retries = new ConcurrentLinkedQueue<>();
        final Queue<String> anomalies = new ConcurrentLinkedQueue<>();
        /** Addresses differ from run to run: one signer, one confirmation mail. */
        private final String run;

        Load(String base, UUID statement, LinkReader links) {
            this.base = base;
            this.statement = statement;
            this.links = links;
            this.run = statement.toString().substring(0, 8);
        }

        void run(int clients) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                workers.add(pool.submit(() -> {
                    Http http = new Http(base);
                    for (int i = 0; System.nanoTime() < stopAt.get(); i++) {
                        submit(http, client, i);
                        String retry = retries.poll();
                        String path = retry != null ? retry : links.fresh.poll();
                        if (path != null) {
                            confirm(http, path);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            pool.shutdown();
        }

        /** After the load: every confirmation still without an answer is tried again until it has one. */
        void settleRetries(Duration timeout) {
            Http http = new Http(base);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!retries.isEmpty() && System.nanoTime() < deadline) {
                confirm(http, retries.poll());
            }
            if (!retries.isEmpty()) {
                anomalies.add(retries.size() + " confirmations never answered");
            }
        }

        private void submit(Http http, int client, int i) {
            try {
                Http.Response answer = http.postForm(
                        "/sign/" + statement,
                        SignOnBenchmark.organisationForm(
                                "Fault organisation " + client + "-" + i,
                                "NL",
                                "Fault contact " + client + "-" + i,
                                "fault-" + run + "-" + client + "-" + i + "@bench.example",
                                HASH));
                if (answer.status() == 303) {
                    submitted.incrementAndGet();
                } else {
                    submitErrors.incrementAndGet();
                    pause();
                }
            } catch (UncheckedIOException down) {
                submitErrors.incrementAndGet();
                pause();
            }
        }

        private void confirm(Http http, String path) {
            int status;
            try {
                status = http.postForm(path, Map.of()).status();
            } catch (UncheckedIOException down) {
                status = -1;
            }
            if (status == 200) {
                if (!accepted.add(path)) {
                    anomalies.add("a link was answered 200 twice");
                }
            } else if (status == 409 && unanswered.contains(path)) {
                committedUnanswered.add(path);
            } else if (status == 409 || status == 404) {
                anomalies.add("confirm answered " + status + " on a first attempt");
            } else {
                confirmErrors.incrementAndGet();
                unanswered.add(path);
                retries.add(path);
                pause();
            }
        }

        private static void pause() {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The signers' mailboxes: confirmation links of one statement as signatures asked distribution to mail them. */
    static final class LinkReader implements AutoCloseable {
        final Set<String> seen = ConcurrentHashMap.newKeySet();
        final Queue<String> fresh = new ConcurrentLinkedQueue<>();
        final AtomicLong duplicates = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final CompletableFuture<Void> reading;

        LinkReader(Infrastructure infrastructure, UUID statement) {
            KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                    Map.of(
                            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            infrastructure.kafkaBootstrap(),
                            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                            "false",
                            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                            "read_committed"),
                    new StringDeserializer(),
                    new StringDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.MAIL_REQUESTS).stream()
                    .map(info -> new TopicPartition(Topics.MAIL_REQUESTS, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            String subject = statement.toString();
            reading = CompletableFuture.runAsync(
                    () -> {
                        try (consumer) {
                            while (running.get()) {
                                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                                    if (record.value() != null && record.value().contains(subject)) {
                                        read(record.value());
                                    }
                                }
                            }
                        }
                    },
                    Faults.THREAD);
        }

        private void read(String value) {
            Envelope<?> envelope = EventCodec.read(value);
            if (envelope.type().equals(EventTypes.MAIL_REQUESTED.name())
                    && envelope.data() instanceof MailRequested mail
                    && mail.variables().get("confirmUrl") != null) {
                String url = mail.variables().get("confirmUrl");
                String path = url.substring(url.indexOf("/confirm/"));
                if (seen.add(path)) {
                    fresh.add(path);
                } else {
                    duplicates.incrementAndGet();
                }
            }
        }

        @Override
        public void close() {
            running.set(false);
            reading.join();
        }
    }

    private SignOnUnderFault() {}
}
