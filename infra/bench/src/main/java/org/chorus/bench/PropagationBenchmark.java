package org.chorus.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.events.Envelope;
import org.chorus.events.EventTypes;
import org.chorus.events.SealedMailRequested;
import org.chorus.events.StatementOpened;
import org.chorus.events.Topics;
import org.chorus.platform.sealing.DevelopmentKeys;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.Infrastructure;
import org.chorus.testsupport.Ports;
import org.chorus.testsupport.TopicReader;

/**
 * How long a confirmation takes from its commit in signatures to the count tracking shows, while {@code clients}
 * other signers keep submitting. Confirmations of a probe statement are made one at a time through the public confirm
 * page; a poller reads tracking's count of that statement every few milliseconds. Latency = first read showing the
 * k-th confirmation minus the moment the k-th confirm page answered (the commit happened before it answered).
 */
final class PropagationBenchmark {
    private static final String HASH = "d".repeat(64);
    private static final int PROBES_PER_SECOND = 10;
    private static final long POLL_MILLIS = 2;
    /** Confirmations made and not measured while the JIT compiles both services' paths, as in the sign-on benchmark. */
    private static final Duration WARM_UP = Duration.ofSeconds(90);

    static Result measure(Path repository, Infrastructure infrastructure, Duration duration, int clients)
            throws Exception {
        try (ServiceProcess signatures = ServiceProcess.start(
                        repository, "signatures", Ports.free(), infrastructure, SignOnBenchmark.ONE_LOAD_GENERATOR);
                ServiceProcess tracking = ServiceProcess.start(repository, "tracking", Ports.free(), infrastructure)) {
            String signing = "http://localhost:" + signatures.port;
            UUID load = open("Load statement");
            UUID probe = open("Probe statement");
            Eventually.await(Duration.ofSeconds(60), () -> {
                for (UUID statement : List.of(load, probe)) {
                    if (new Http(signing).get("/sign/" + statement).status() != 200) {
                        throw new AssertionError("statement not open yet");
                    }
                }
                if (new Http("http://localhost:" + tracking.port)
                                .get("/api/statements/" + probe + "/counts")
                                .status()
                        != 200) {
                    throw new AssertionError("tracking has not seen the probe statement yet");
                }
            });

            int warmUpProbes = (int) (WARM_UP.toSeconds() * PROBES_PER_SECOND);
            int measured = (int) Math.max(20, duration.toSeconds() * PROBES_PER_SECOND);
            int probes = warmUpProbes + measured;
            List<String> confirmPaths = submitProbes(signing, probe, probes);

            AtomicBoolean running = new AtomicBoolean(true);
            List<long[]> seen = Collections.synchronizedList(new ArrayList<>());
            CompletableFuture<Void> poller =
                    CompletableFuture.runAsync(() -> poll(infrastructure, probe, running, seen));
            Duration loadDuration = WARM_UP.plus(duration).plusSeconds(5);
            CompletableFuture<Long> background = CompletableFuture.supplyAsync(() -> {
                try {
                    return SignOnBenchmark.load(signing, load, HASH, clients, loadDuration, "load");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });

            Http confirming = new Http(signing);
            long[] confirmedAt = new long[probes];
            long[] confirmedWallMillis = new long[probes];
            long pace = 1_000_000_000L / PROBES_PER_SECOND;
            long next = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            for (int k = 0; k < probes; k++) {
                while (System.nanoTime() < next) {
                    Thread.onSpinWait();
                }
                Http.Response confirmed = confirming.postForm(confirmPaths.get(k), Map.of());
                confirmedAt[k] = System.nanoTime();
                confirmedWallMillis[k] = System.currentTimeMillis();
                if (confirmed.status() != 200) {
                    throw new IllegalStateException("confirmation refused: " + confirmed.status());
                }
                next += pace;
            }
            Eventually.await(Duration.ofSeconds(60), () -> {
                if (seen.isEmpty() || seen.get(seen.size() - 1)[1] < probes) {
                    throw new AssertionError("tracking has not counted every probe yet");
                }
            });
            running.set(false);
            poller.join();
            long accepted = background.join();
            if (accepted == 0) {
                throw new IllegalStateException("the sign-on load was refused: no submission accepted");
            }

            List<long[]> samples = new ArrayList<>(seen);
            List<Long> latencies = new ArrayList<>();
            List<Long> toKafka = new ArrayList<>();
            List<Long> published = publishedAtMillis(probe, probes);
            int sample = 0;
            for (int k = 0; k < probes; k++) {
                while (samples.get(sample)[1] < k + 1) {
                    sample++;
                }
                if (k >= warmUpProbes) {
                    latencies.add(Math.max(0, samples.get(sample)[0] - confirmedAt[k]));
                    toKafka.add(Math.max(0, published.get(k) - confirmedWallMillis[k]) * 1_000_000);
                }
            }
            Collections.sort(latencies);
            double p50 = SignOnBenchmark.percentile(latencies, 0.50);
            double p99 = SignOnBenchmark.percentile(latencies, 0.99);
            Collections.sort(toKafka);
            return new Result(
                    "propagation",
                    p99,
                    "ms (p99)",
                    null,
                    null,
                    p50,
                    p99,
                    ("%d confirmations measured after %d s (%d confirmations) of warm-up, one every %d ms, while %d"
                                    + " clients submit signatures on another statement (%d accepted, %.0f/s); confirm page answered ->"
                                    + " committed in tracking's count table (read with %d ms pauses, %d reads);"
                                    + " signatures and tracking as separate JVMs, outbox relay and Kafka between them;"
                                    + " relay's send to Kafka after the confirm page answered p50 %.1f ms, p99 %.1f ms"
                                    + " (record timestamps, ms resolution, 0 when it sent before the answer arrived)")
                            .formatted(
                                    measured,
                                    WARM_UP.toSeconds(),
                                    warmUpProbes,
                                    pace / 1_000_000,
                                    clients,
                                    accepted,
                                    accepted / (double) loadDuration.toSeconds(),
                                    POLL_MILLIS,
                                    samples.size(),
                                    SignOnBenchmark.percentile(toKafka, 0.50),
                                    SignOnBenchmark.percentile(toKafka, 0.99)));
        }
    }

    /**
     * Reads the probe statement's count from tracking's table until told to stop, recording when each read answered.
     * Through tracking's HTTP API a read took ~65 ms under load: it ran seven queries for the whole counts page, so
     * the answer could be stale by a whole read; one indexed count over JDBC answers in well under a millisecond.
     */
    private static void poll(Infrastructure infrastructure, UUID probe, AtomicBoolean running, List<long[]> seen) {
        try (Connection connection = DriverManager.getConnection(
                        infrastructure.jdbcUrl(), infrastructure.dbUser(), infrastructure.dbPassword());
                PreparedStatement count =
                        connection.prepareStatement("select count(*) from tracking.signature where statement_id = ?")) {
            count.setObject(1, probe);
            while (running.get()) {
                try (ResultSet answer = count.executeQuery()) {
                    answer.next();
                    seen.add(new long[] {System.nanoTime(), answer.getLong(1)});
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** When the relay sent each probe confirmation to Kafka (its record's timestamp), in confirmation order. */
    private static List<Long> publishedAtMillis(UUID probe, int probes) {
        List<Long> published = new ArrayList<>();
        try (var consumer = TopicReader.outsideConsumer()) {
            consumer.subscribe(List.of(Topics.SIGNATURES));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (published.size() < probes && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (probe.toString().equals(record.key())
                            && record.value().contains(EventTypes.SIGNATURE_CONFIRMED_V2.name())) {
                        published.add(record.timestamp());
                    }
                }
            }
        }
        if (published.size() < probes) {
            throw new IllegalStateException("only " + published.size() + " probe confirmations found on Kafka");
        }
        return published;
    }

    private static UUID open(String title) {
        UUID statement = UUID.randomUUID();
        TopicReader.send(
                Topics.STATEMENTS,
                statement.toString(),
                Envelope.of(
                        EventTypes.STATEMENT_OPENED,
                        "/statements",
                        statement,
                        Instant.now(),
                        new StatementOpened(statement, title, "en", 1, "Text.", HASH)));
        return statement;
    }

    /** Submits the probe signatures and returns their confirm paths, read from the mail requests they caused. */
    private static List<String> submitProbes(String base, UUID probe, int probes) {
        Http http = new Http(base);
        for (int i = 0; i < probes; i++) {
            var answer = http.postForm(
                    "/sign/" + probe,
                    SignOnBenchmark.organisationForm(
                            "Probe organisation " + i,
                            "CH",
                            "Probe contact " + i,
                            "probe" + i + "@bench.example",
                            HASH));
            if (answer.status() != 303) {
                throw new IllegalStateException("probe signature refused: " + answer.status());
            }
        }
        return Eventually.await(Duration.ofSeconds(60), () -> {
            List<String> paths = TopicReader.awaitEvents(
                            Topics.MAIL_REQUESTS, EventTypes.MAIL_REQUESTED_V2.name(), probe, Duration.ofSeconds(10))
                    .stream()
                    .map(envelope -> DevelopmentKeys.mailOpener()
                            .open(envelope.subject(), (SealedMailRequested) envelope.data())
                            .variables()
                            .get("confirmUrl"))
                    .map(url -> url.substring(url.indexOf("/confirm/")))
                    .distinct()
                    .toList();
            if (paths.size() < probes) {
                throw new AssertionError("only " + paths.size() + " confirmation mails requested so far");
            }
            return paths;
        });
    }

    private PropagationBenchmark() {}
}
