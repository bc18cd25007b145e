package org.chorus.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.chorus.events.Envelope;
import org.chorus.events.EventTypes;
import org.chorus.events.MailRequested;
import org.chorus.events.StatementOpened;
import org.chorus.events.Topics;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.Infrastructure;
import org.chorus.testsupport.Ports;
import org.chorus.testsupport.TopicReader;

/**
 * How long a confirmation takes from its commit in signatures to the count tracking shows, while {@code clients}
 * other signers keep submitting. Confirmations of a probe statement are made one at a time through the public confirm
 * page; a poller reads tracking's count of that statement continuously. Latency = first poll answer showing the k-th
 * confirmation minus the moment the k-th confirm page answered (the commit happened before it answered).
 */
final class PropagationBenchmark {
    private static final String HASH = "d".repeat(64);

    static Result measure(Path repository, Infrastructure infrastructure, Duration duration, int clients)
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
            Http tracked = new Http("http://localhost:" + tracking.port);
            UUID load = open("Load statement");
            UUID probe = open("Probe statement");
            Eventually.await(Duration.ofSeconds(60), () -> {
                for (UUID statement : List.of(load, probe)) {
                    if (new Http(signing).get("/sign/" + statement).status() != 200) {
                        throw new AssertionError("statement not open yet");
                    }
                }
            });

            int probes = (int) Math.max(20, duration.toSeconds() * 10);
            List<String> confirmPaths = submitProbes(signing, probe, probes);

            AtomicBoolean running = new AtomicBoolean(true);
            List<long[]> seen = Collections.synchronizedList(new ArrayList<>());
            CompletableFuture<Void> poller = CompletableFuture.runAsync(() -> {
                while (running.get()) {
                    Http.Response counts = tracked.get("/api/statements/" + probe + "/counts");
                    long at = System.nanoTime();
                    if (counts.status() == 200) {
                        seen.add(new long[] {at, counts.json().get("confirmed").asLong()});
                    }
                }
            });
            CompletableFuture<Void> background = CompletableFuture.runAsync(() -> {
                try {
                    SignOnBenchmark.load(signing, load, clients, duration.plusSeconds(5), "load");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });

            Http confirming = new Http(signing);
            long[] confirmedAt = new long[probes];
            long pace = duration.toNanos() / probes;
            long next = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            for (int k = 0; k < probes; k++) {
                while (System.nanoTime() < next) {
                    Thread.onSpinWait();
                }
                Http.Response confirmed = confirming.postForm(confirmPaths.get(k), Map.of());
                confirmedAt[k] = System.nanoTime();
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
            background.join();

            List<long[]> samples = new ArrayList<>(seen);
            List<Long> latencies = new ArrayList<>();
            int sample = 0;
            for (int k = 0; k < probes; k++) {
                while (samples.get(sample)[1] < k + 1) {
                    sample++;
                }
                latencies.add(Math.max(0, samples.get(sample)[0] - confirmedAt[k]));
            }
            Collections.sort(latencies);
            double p50 = SignOnBenchmark.percentile(latencies, 0.50);
            double p99 = SignOnBenchmark.percentile(latencies, 0.99);
            return new Result(
                    "propagation",
                    p99,
                    "ms (p99)",
                    null,
                    null,
                    p50,
                    p99,
                    ("%d confirmations, one every %d ms, while %d clients submit signatures on another statement;"
                                    + " confirm page answered -> tracking's count API shows it (polled continuously,"
                                    + " %d polls); signatures and tracking as separate JVMs, outbox relay and Kafka"
                                    + " between them")
                            .formatted(probes, pace / 1_000_000, clients, samples.size()));
        }
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
                    Map.of(
                            "name",
                            "Probe organisation " + i,
                            "country",
                            "CH",
                            "qualifier",
                            "",
                            "contactName",
                            "Probe contact " + i,
                            "email",
                            "probe" + i + "@bench.example",
                            "authorised",
                            "true",
                            "revisionHash",
                            HASH,
                            "website",
                            ""));
            if (answer.status() != 303) {
                throw new IllegalStateException("probe signature refused: " + answer.status());
            }
        }
        return Eventually.await(Duration.ofSeconds(60), () -> {
            List<String> paths = TopicReader.awaitEvents(
                            Topics.MAIL_REQUESTS, EventTypes.MAIL_REQUESTED.name(), probe, Duration.ofSeconds(10))
                    .stream()
                    .map(envelope ->
                            ((MailRequested) envelope.data()).variables().get("confirmUrl"))
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
