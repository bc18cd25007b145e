package org.chorus.bench;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.chorus.events.Envelope;
import org.chorus.events.EventCodec;
import org.chorus.events.EventTypes;
import org.chorus.events.MailRequested;
import org.chorus.events.SealedMailRequested;
import org.chorus.events.StatementOpened;
import org.chorus.events.Topics;
import org.chorus.platform.sealing.DevelopmentKeys;
import org.chorus.platform.sealing.MailOpener;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.Infrastructure;
import org.chorus.testsupport.TopicReader;
import tools.jackson.databind.JsonNode;

/**
 * The sign-on side of a fault scenario ({@link PlatformUnderFault}): {@code clients} signers each submit the public form
 * and confirm the links that signatures asks distribution to mail (read from the {@code chorus.mail.requested.v1}
 * records on {@code chorus.mail-requests}, as a mailbox would receive them). Errors while something is broken are
 * counted, never as accepted. A confirmation that got no answer (connection lost, 5xx) is tried again, as a signer would
 * click again, until it is answered: 200 (accepted), or 409 "already confirmed" when the lost attempt had committed.
 *
 * <p>The check: tracking's confirmed count for the statement, and the number of CONFIRMED signatures in the
 * signatures service's own coordinator list, both equal exactly the confirmations answered 200 plus those whose lost
 * attempt had committed (reported apart); read again after 5 s so a late duplicate would show. And nothing accepted is
 * lost: every submission answered 303 is in that list and had its confirmation mail requested on Kafka.
 */
final class SignOnUnderFault implements AutoCloseable {
    private static final String HASH = "e".repeat(64);

    /**
     * All clients together submit at most this many signatures per second, each confirmed right after and mailed its
     * link: sustained sign-on (72,000 an hour) that leaves the two cores some room to restart a killed service while
     * a release goes out. At 40/s a restarted statements got a sixth of a core and took over three minutes.
     */
    static final int SUBMISSIONS_PER_SECOND = 20;

    /** Longer than distribution's lease in these scenarios (20 s), after which a mail in flight at a crash is resent. */
    private static final Duration QUIET_AFTER_MAIL = Duration.ofSeconds(25);

    private final String signing;
    private final String tracked;
    private final UUID statement;
    private final LinkReader links;
    private final Load load;

    private SignOnUnderFault(String signing, String tracked, UUID statement, LinkReader links) {
        this.signing = signing;
        this.tracked = tracked;
        this.statement = statement;
        this.links = links;
        this.load = new Load(signing, statement, links);
    }

    /** A statement opened for signing (its event sent as statements would), once signatures shows its form. */
    static SignOnUnderFault open(Infrastructure infrastructure, String signing, String tracked) {
        UUID statement = UUID.randomUUID();
        LinkReader links = new LinkReader(infrastructure, statement);
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
        return new SignOnUnderFault(signing, tracked, statement, links);
    }

    /** The signers at work until {@link #stopAt} (set before, moved later by {@link #goOnFor}). */
    void run(int clients) throws Exception {
        load.run(clients);
    }

    void stopAt(long nanos) {
        load.stopAt.set(nanos);
    }

    /** Keeps the load going at least {@code more} from now, whatever was planned. */
    void goOnFor(Duration more) {
        load.stopAt.accumulateAndGet(System.nanoTime() + more.toNanos(), Math::max);
    }

    /** After the load: waits for tracking to catch up and compares the counts (see the class comment). */
    PlatformUnderFault.Checked check(int clients) throws Exception {
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
        Set<String> accepted = Set.copyOf(load.acceptedAddresses);
        awaitQuietly(Duration.ofMinutes(2), () -> links.addresses.keySet().containsAll(accepted));
        Thread.sleep(5000);
        long trackingLater = confirmedInTracking(tracked, statement);
        Signed signed = signed(signing, statement);
        Set<String> confirmedBySigners = new HashSet<>();
        Stream.concat(load.accepted.stream(), load.committedUnanswered.stream())
                .forEach(path -> confirmedBySigners.add(links.paths.get(path)));
        long notMailed = accepted.stream()
                .filter(address -> !links.addresses.containsKey(address))
                .count();
        long notStored = accepted.stream()
                .filter(address -> !signed.stored().contains(address))
                .count();
        long confirmedNotListed = confirmedBySigners.stream()
                .filter(address -> !signed.confirmed().contains(address))
                .count();
        long listedNotConfirmed = signed.confirmed().stream()
                .filter(address -> !confirmedBySigners.contains(address))
                .count();
        boolean passed = load.submitted.get() > 0
                && expected > 0
                && trackingCount == expected
                && trackingLater == expected
                && signed.confirmedRows() == expected
                && notMailed == 0
                && notStored == 0
                && confirmedNotListed == 0
                && listedNotConfirmed == 0
                && load.anomalies.isEmpty();

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("clients", clients);
        figures.put("submittedAccepted", load.submitted.get());
        figures.put("submitErrors", load.submitErrors.get());
        figures.put("confirmLinksMailed", links.paths.size());
        figures.put("acceptedNotMailed", notMailed);
        figures.put("acceptedNotStored", notStored);
        figures.put("duplicateMailRequests", links.duplicates.get());
        figures.put("confirmedAnswered200", load.accepted.size());
        figures.put("confirmedByLostAttempt", load.committedUnanswered.size());
        figures.put("confirmAttemptsFailed", load.confirmErrors.get());
        figures.put("expectedConfirmed", expected);
        figures.put("trackingConfirmed", trackingCount);
        figures.put("trackingConfirmed5sLater", trackingLater);
        figures.put("signaturesConfirmed", signed.confirmedRows());
        figures.put("signaturesStored", signed.rows());
        figures.put("confirmedButNotListedConfirmed", confirmedNotListed);
        figures.put("listedConfirmedButNotConfirmedBySigner", listedNotConfirmed);
        figures.put("trackingCaughtUpSeconds", Math.round(drainSeconds * 10) / 10.0);
        return new PlatformUnderFault.Checked(
                passed,
                "tracking's confirmed count equals the confirmations answered 200 (+ those whose lost attempt"
                        + " committed, answered 409 on retry), and signatures' CONFIRMED list holds exactly those"
                        + " signers; every signer answered 303 is stored and had its confirmation mail requested; some"
                        + " submissions were accepted and confirmed",
                figures,
                load.anomalies.isEmpty() ? "" : "sign-on anomalies: " + load.anomalies);
    }

    /**
     * Every signer whose submission was accepted got its confirmation mail: within 5 minutes the sink holds at least one
     * message to each address and exactly one distinct Message-ID (copies of one Message-ID, a mail in flight at a
     * crash, are counted apart), also {@link #QUIET_AFTER_MAIL} later; and no message to a signer whose submission was
     * refused (a submission that got no answer may have committed: its mail is neither required nor refused).
     */
    PlatformUnderFault.Checked confirmationMail(Path dump) throws Exception {
        Set<String> addresses = Set.copyOf(load.acceptedAddresses);
        Set<String> unanswered = Set.copyOf(load.unansweredAddresses);
        String signers = "fault-" + load.run + "-";
        long waited = System.nanoTime();
        SinkDump.Received received = null;
        for (long deadline = waited + Duration.ofMinutes(5).toNanos(); System.nanoTime() < deadline; ) {
            received = SinkDump.read(dump).received(messageId -> true);
            if (received.messageIds().keySet().containsAll(addresses)) {
                break;
            }
            Thread.sleep(2000);
        }
        // a copy of a mail in flight at a crash comes once its lease expired: read again after a lease
        Thread.sleep(QUIET_AFTER_MAIL.toMillis());
        received = SinkDump.read(dump).received(messageId -> true);
        Map<String, Set<String>> mine = new HashMap<>();
        received.messageIds().forEach((recipient, ids) -> {
            if (recipient.startsWith(signers)) {
                mine.put(recipient, ids);
            }
        });
        long missing =
                addresses.stream().filter(address -> !mine.containsKey(address)).count();
        long several = mine.values().stream().filter(ids -> ids.size() > 1).count();
        long strangers = mine.keySet().stream()
                .filter(address -> !addresses.contains(address) && !unanswered.contains(address))
                .count();
        long messages = SinkDump.read(dump).messages().stream()
                .filter(message -> message.recipient().startsWith(signers))
                .count();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("signersAccepted", addresses.size());
        figures.put("sinkMessages", messages);
        figures.put("signersMissing", missing);
        figures.put("signersWithSeveralMessageIds", several);
        figures.put("rawDuplicatesSameMessageId", messages - mine.size());
        figures.put("messagesToRefusedSigners", strangers);
        figures.put("secondsWaitedAfterTheChecksAbove", Math.round((System.nanoTime() - waited) / 1e8) / 10.0);
        return new PlatformUnderFault.Checked(
                missing == 0 && several == 0 && strangers == 0,
                "every signer whose submission was accepted got >= 1 confirmation mail and exactly one distinct"
                        + " Message-ID; no refused signer got one",
                figures,
                "");
    }

    @Override
    public void close() {
        links.close();
    }

    private static long confirmedInTracking(String tracked, UUID statement) {
        Http.Response counts = new Http(tracked).get("/api/statements/" + statement + "/counts");
        if (counts.status() != 200) {
            throw new AssertionError("tracking answered " + counts.status());
        }
        return counts.json().get("confirmed").asLong();
    }

    /** Addresses of all rows, and of those CONFIRMED; {@code rows} counts rows (an address could repeat). */
    record Signed(long rows, long confirmedRows, Set<String> stored, Set<String> confirmed) {}

    /** The signatures service's own coordinator list of the statement. */
    private static Signed signed(String signing, UUID statement) {
        Http.Response list = new Http(signing).get("/api/statements/" + statement + "/signatures");
        if (list.status() != 200) {
            throw new IllegalStateException("signatures answered " + list.status());
        }
        long rows = 0;
        long confirmedRows = 0;
        Set<String> stored = new HashSet<>();
        Set<String> confirmed = new HashSet<>();
        for (JsonNode signature : list.json()) {
            rows++;
            String email = signature.get("email").asString().toLowerCase(Locale.ROOT);
            stored.add(email);
            if ("CONFIRMED".equals(signature.get("status").asString())) {
                confirmedRows++;
                confirmed.add(email);
            }
        }
        return new Signed(rows, confirmedRows, stored, confirmed);
    }

    static boolean awaitQuietly(Duration timeout, java.util.function.BooleanSupplier condition) {
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
        final Set<String> acceptedAddresses = ConcurrentHashMap.newKeySet();
        /** Submissions that got no answer (connection lost, 5xx): they may have committed, or not. */
        final Set<String> unansweredAddresses = ConcurrentHashMap.newKeySet();

        final AtomicLong submitErrors = new AtomicLong();
        final AtomicLong confirmErrors = new AtomicLong();
        final Set<String> accepted = ConcurrentHashMap.newKeySet();
        final Set<String> unanswered = ConcurrentHashMap.newKeySet();
        final Set<String> committedUnanswered = ConcurrentHashMap.newKeySet();
        final Queue<String> retries = new ConcurrentLinkedQueue<>();
        final Queue<String> anomalies = new ConcurrentLinkedQueue<>();
        /** Addresses differ from run to run: one signer, one confirmation mail. */
        final String run;

        Load(String base, UUID statement, LinkReader links) {
            this.base = base;
            this.statement = statement;
            this.links = links;
            this.run = statement.toString().substring(0, 8);
        }

        /** Each client at most one submission per {@code clients / SUBMISSIONS_PER_SECOND} seconds. */
        void run(int clients) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<?>> workers = new ArrayList<>();
            long interval = Duration.ofSeconds(clients).toNanos() / SUBMISSIONS_PER_SECOND;
            for (int c = 0; c < clients; c++) {
                int client = c;
                workers.add(pool.submit(() -> {
                    Http http = new Http(base);
                    long next = System.nanoTime();
                    for (int i = 0; System.nanoTime() < stopAt.get(); i++) {
                        long ahead = next - System.nanoTime();
                        if (ahead > 0) {
                            Thread.sleep(ahead / 1_000_000, (int) (ahead % 1_000_000));
                        }
                        next = Math.max(next, System.nanoTime() - interval) + interval;
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
            try {
                for (Future<?> worker : workers) {
                    worker.get();
                }
            } finally {
                pool.shutdownNow();
            }
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
            String address = "fault-" + run + "-" + client + "-" + i + "@bench.example";
            try {
                Http.Response answer = http.postForm(
                        "/sign/" + statement,
                        SignOnBenchmark.organisationForm(
                                "Fault organisation " + client + "-" + i,
                                "NL",
                                "Fault contact " + client + "-" + i,
                                address,
                                HASH));
                if (answer.status() == 303) {
                    submitted.incrementAndGet();
                    acceptedAddresses.add(address);
                } else {
                    if (answer.status() >= 500) {
                        unansweredAddresses.add(address);
                    }
                    submitErrors.incrementAndGet();
                    pause();
                }
            } catch (UncheckedIOException down) {
                unansweredAddresses.add(address);
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
        private static final MailOpener OPENER = DevelopmentKeys.mailOpener();

        /** Confirmation link path to the signer's address, and each address to its link. */
        final Map<String, String> paths = new ConcurrentHashMap<>();

        final Map<String, String> addresses = new ConcurrentHashMap<>();
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
            if (!(envelope.data() instanceof SealedMailRequested sealed)) {
                return;
            }
            MailRequested mail = OPENER.open(envelope.subject(), sealed);
            if (mail.variables().get("confirmUrl") != null) {
                String url = mail.variables().get("confirmUrl");
                String path = url.substring(url.indexOf("/confirm/"));
                String address = mail.recipientAddress().toLowerCase(Locale.ROOT);
                if (paths.putIfAbsent(path, address) == null) {
                    addresses.put(address, path);
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
}
