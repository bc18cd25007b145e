package org.chorus.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.chorus.events.Envelope;
import org.chorus.events.EventTypes;
import org.chorus.events.StatementOpened;
import org.chorus.events.Topics;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.Infrastructure;
import org.chorus.testsupport.Ports;
import org.chorus.testsupport.TopicReader;

/**
 * Signatures submitted per second through the public form: HTTP → signatures service → one signature row and its
 * outbox rows in one PostgreSQL transaction. The ceiling is the same inserts over plain JDBC with the same number
 * of connections as the service's pool (10), in the same run.
 */
final class SignOnBenchmark {
    private static final int POOL = 10;

    /**
     * Signatures' arguments for a load generator on one address: lifts the per-link and per-client hourly limits meant
     * for real signers.
     */
    static final String[] ONE_LOAD_GENERATOR = {
        "--chorus.signatures.rate.per-link-per-hour=1000000000",
        "--chorus.signatures.rate.per-client-per-hour=1000000000"
    };

    private static final String HASH = "b".repeat(64);
    private static final Duration WARM_UP_ROUND = Duration.ofSeconds(10);
    private static final Duration WARM_UP_MINIMUM = Duration.ofSeconds(90);
    private static final Duration WARM_UP_LIMIT = Duration.ofSeconds(240);

    static Result measure(Path repository, Infrastructure infrastructure, Duration duration, int clients)
            throws Exception {
        try (ServiceProcess signatures =
                ServiceProcess.start(repository, "signatures", Ports.free(), infrastructure, ONE_LOAD_GENERATOR)) {
            UUID statement = UUID.randomUUID();
            TopicReader.send(
                    Topics.STATEMENTS,
                    statement.toString(),
                    Envelope.of(
                            EventTypes.STATEMENT_OPENED,
                            "/statements",
                            statement,
                            Instant.now(),
                            new StatementOpened(statement, "Benchmark statement", "en", 1, "Text.", HASH)));
            String base = "http://localhost:" + signatures.port;
            Eventually.await(Duration.ofSeconds(60), () -> {
                if (new Http(base).get("/sign/" + statement).status() != 200) {
                    throw new AssertionError("statement not open yet");
                }
            });
            double ceiling = ceiling(infrastructure, statement, duration);
            double[] warmUp = warmUp(base, statement, clients);
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            AtomicLong failures = new AtomicLong();
            long started = System.nanoTime();
            load(base, statement, HASH, clients, duration, "run", latencies, failures);
            double seconds = (System.nanoTime() - started) / 1e9;
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            double rate = (sorted.size() - failures.get()) / seconds;
            return new Result(
                    "sign-on",
                    rate,
                    "signatures/s",
                    ceiling,
                    rate / ceiling,
                    percentile(sorted, 0.50),
                    percentile(sorted, 0.99),
                    "%d clients for %.0f s after %.0f s of warm-up (last warm-up round %.1f/s), %d submitted, %d failed; each = signature row + 2 outbox rows in one transaction, relay publishing to Kafka meanwhile; ceiling = same inserts over plain JDBC with %d connections; 2 cores shared by load generator, service, PostgreSQL and Kafka"
                            .formatted(clients, seconds, warmUp[0], warmUp[1], sorted.size(), failures.get(), POOL));
        }
    }

    /**
     * Submits in rounds of {@link #WARM_UP_ROUND} for at least {@link #WARM_UP_MINIMUM}, then until a round's rate is
     * within 10 % of the round before, at most {@link #WARM_UP_LIMIT}: the service's JIT compiles the submit path only
     * after thousands of requests, and on a busy 2-core machine that takes far longer than a fixed few seconds (a
     * profile of a 10 s warm-up showed most of the measured window still running interpreted code). Returns the
     * warm-up's seconds and its last round's rate.
     */
    private static double[] warmUp(String base, UUID statement, int clients) throws Exception {
        long started = System.nanoTime();
        double previous = 0;
        for (int round = 0; ; round++) {
            double rate = load(base, statement, HASH, clients, WARM_UP_ROUND, "warm" + round)
                    / (double) WARM_UP_ROUND.toSeconds();
            double elapsed = (System.nanoTime() - started) / 1e9;
            boolean steady = elapsed >= WARM_UP_MINIMUM.toSeconds() && Math.abs(rate - previous) <= 0.1 * previous;
            if (steady || elapsed >= WARM_UP_LIMIT.toSeconds()) {
                return new double[] {elapsed, rate};
            }
            previous = rate;
        }
    }

    /** Returns how many submissions were accepted (answered 303) in {@code duration}. */
    static long load(String base, UUID statement, String revisionHash, int clients, Duration duration, String round)
            throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong failures = new AtomicLong();
        load(base, statement, revisionHash, clients, duration, round, latencies, failures);
        return latencies.size() - failures.get();
    }

    /** {@code clients} threads each submitting the form in a loop for {@code duration}. */
    private static void load(
            String base,
            UUID statement,
            String revisionHash,
            int clients,
            Duration duration,
            String round,
            List<Long> latencies,
            AtomicLong failures)
            throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        URI server = URI.create(base);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Void>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String client = round + c;
            workers.add(pool.submit(() -> {
                List<Long> mine = new ArrayList<>();
                try (FormClient http = new FormClient(server.getHost(), server.getPort())) {
                    for (int i = 0; System.nanoTime() < end; i++) {
                        long t0 = System.nanoTime();
                        int status;
                        try {
                            status = http.post(
                                    "/sign/" + statement,
                                    organisationForm(
                                            "Organisation " + client + "-" + i,
                                            "NL",
                                            "Contact " + client + "-" + i,
                                            "bench" + client + "-" + i + "@bench.example",
                                            revisionHash));
                        } catch (IOException refusedOrCut) {
                            status = -1;
                        }
                        mine.add(System.nanoTime() - t0);
                        if (status != 303) {
                            failures.incrementAndGet();
                        }
                    }
                }
                latencies.addAll(mine);
                return null;
            }));
        }
        for (Future<Void> worker : workers) {
            worker.get();
        }
        pool.shutdown();
    }

    /** The same three inserts per signature over plain JDBC, POOL connections, into copies of the tables. */
    private static double ceiling(Infrastructure infrastructure, UUID statement, Duration duration) throws Exception {
        try (Connection admin = connect(infrastructure)) {
            admin.createStatement().execute("""
                            drop schema if exists bench_ceiling cascade;
                            create schema bench_ceiling;
                            create table bench_ceiling.signature (like signatures.signature including all);
                            create table bench_ceiling.outbox (like signatures.outbox including all);""");
        }
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(POOL);
        List<Future<Long>> workers = new ArrayList<>();
        long started = System.nanoTime();
        for (int w = 0; w < POOL; w++) {
            workers.add(pool.submit(() -> {
                long done = 0;
                try (Connection connection = connect(infrastructure)) {
                    connection.setAutoCommit(false);
                    PreparedStatement signature = connection.prepareStatement("""
                            insert into bench_ceiling.signature (id, statement_id, kind, name, country, qualifier, email,
                                status, revision, revision_hash, token_hash, submitted_at)
                            values (?, ?, 'ORGANISATION', ?, 'NL', null, ?, 'PENDING', 1, ?, ?, ?)""");
                    PreparedStatement outbox = connection.prepareStatement(
                            "insert into bench_ceiling.outbox (event_id, topic, record_key, payload) values (?, ?, ?, ?)");
                    while (System.nanoTime() < end) {
                        UUID id = UUID.randomUUID();
                        signature.setObject(1, id);
                        signature.setObject(2, statement);
                        signature.setString(3, "Organisation " + id);
                        signature.setString(4, id + "@bench.example");
                        signature.setString(5, HASH);
                        signature.setString(6, UUID.randomUUID().toString());
                        signature.setTimestamp(7, Timestamp.from(Instant.now()));
                        signature.executeUpdate();
                        for (int event = 0; event < 2; event++) {
                            outbox.setObject(1, UUID.randomUUID());
                            outbox.setString(2, Topics.SIGNATURES);
                            outbox.setString(3, statement.toString());
                            outbox.setString(4, "{\"payload\":\"" + "x".repeat(400) + "\"}");
                            outbox.executeUpdate();
                        }
                        connection.commit();
                        done++;
                    }
                }
                return done;
            }));
        }
        long total = 0;
        for (Future<Long> worker : workers) {
            total += worker.get();
        }
        pool.shutdown();
        return total / ((System.nanoTime() - started) / 1e9);
    }

    private static Connection connect(Infrastructure infrastructure) throws SQLException {
        return DriverManager.getConnection(
                infrastructure.jdbcUrl(), infrastructure.dbUser(), infrastructure.dbPassword());
    }

    /** The public form as an organisation's authorised contact fills it in (honeypot empty, no qualifier). */
    static Map<String, String> organisationForm(
            String name, String country, String contactName, String email, String revisionHash) {
        return Map.of(
                "name", name,
                "country", country,
                "qualifier", "",
                "contactName", contactName,
                "email", email,
                "authorised", "true",
                "revisionHash", revisionHash,
                "website", "");
    }

    static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1e6;
    }

    private SignOnBenchmark() {}
}
