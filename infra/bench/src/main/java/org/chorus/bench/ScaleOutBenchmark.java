package org.chorus.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.chorus.events.Envelope;
import org.chorus.events.EventCodec;
import org.chorus.events.EventTypes;
import org.chorus.events.SignatoryKind;
import org.chorus.events.SignatureConfirmed;
import org.chorus.events.Topics;
import org.chorus.events.Visibility;
import org.chorus.testsupport.Infrastructure;
import org.chorus.testsupport.Ports;

/**
 * Tracking's consumption throughput with one, then with two instances of one consumer group: N confirmed signatures
 * of many statements (keyed by statement, so spread over every partition of {@code chorus.signatures}) are applied
 * into tracking's projections, once by one tracking JVM and once, as a fresh group into a fresh schema, by two. Each
 * run starts its instances first and waits until the group is stable with the signature partitions assigned and a
 * warm-up of N/4 other events is applied (fresh JVMs run interpreted code at first); then the backlog is published as
 * the signatures service's relay would, and the run lasts from the first record sent to the
 * last event applied (its {@code processed_event.processed_at}). Value: events per second with two instances;
 * ceiling: twice the rate of one (perfect scaling), measured in the same run.
 */
final class ScaleOutBenchmark {
    private static final String HASH = "e".repeat(64);
    private static final List<String> COUNTRIES =
            List.of("GB", "FR", "KE", "BR", "IN", "EG", "US", "DE", "ZA", "MX", "TN", "PH", "NG", "AR", "JP");
    private static final int SIGNATURES_PER_STATEMENT = 100;
    private static final Duration DRAIN_WITHIN = Duration.ofMinutes(60);

    /** One run's figures. */
    private record Run(
            int instances,
            long events,
            double seconds,
            double produceSeconds,
            String assignment,
            double trackingCpuSeconds,
            String loadAverage) {
        double rate() {
            return events / seconds;
        }

        /** CPU milliseconds the tracking JVMs spent per event applied, all instances together. */
        double cpuMillisPerEvent() {
            return trackingCpuSeconds * 1000 / events;
        }
    }

    /**
     * @param events confirmed signatures per run
     * @param partitions partitions of {@code chorus.signatures} to measure with: raised to this if the topic has
     *     fewer, 0 to keep the topic as declared
     */
    static Result measure(Path repository, Infrastructure infrastructure, long events, int partitions)
            throws Exception {
        int declared = partitionsOf(infrastructure);
        int used = declared;
        if (partitions > declared) {
            raisePartitions(infrastructure, partitions);
            used = partitions;
        }
        System.out.printf("%s has %d partitions (declared %d)%n", Topics.SIGNATURES, used, declared);
        Run one = run(repository, infrastructure, 1, events, 1);
        System.out.printf(
                "one instance: %,d events applied in %.1f s (%.0f events/s)%n", events, one.seconds(), one.rate());
        Run two = run(repository, infrastructure, 2, events, 2);
        System.out.printf(
                "two instances: %,d events applied in %.1f s (%.0f events/s)%n", events, two.seconds(), two.rate());
        double ceiling = 2 * one.rate();
        return new Result(
                "scale-out",
                two.rate(),
                "events/s",
                ceiling,
                two.rate() / ceiling,
                null,
                null,
                ("two tracking instances of one consumer group: %.0f events/s (%,d events in %.1f s, partitions"
                                + " split %s, tracking CPU %.2f ms per event over both JVMs, %s); one instance: %.0f"
                                + " events/s (%,d events in %.1f s, tracking CPU %.2f ms per event, %s); speed-up"
                                + " %.2f x; ceiling = 2 x one instance (perfect scaling). Each run: %,d confirmed"
                                + " signatures over %,d statements on %s (%d partitions%s), published (in %.1f s and"
                                + " %.1f s) once the group was stable and had applied a warm-up of %,d others,"
                                + " drained from the first record sent to the last event applied, one transaction"
                                + " per poll as live, a fresh group into a fresh schema. 2 cores shared by the"
                                + " tracking JVMs, PostgreSQL, Kafka and the publisher (and other work on the"
                                + " machine), so two instances compete for the same CPU")
                        .formatted(
                                two.rate(),
                                events,
                                two.seconds(),
                                two.assignment(),
                                two.cpuMillisPerEvent(),
                                two.loadAverage(),
                                one.rate(),
                                events,
                                one.seconds(),
                                one.cpuMillisPerEvent(),
                                one.loadAverage(),
                                two.rate() / one.rate(),
                                events,
                                statements(events),
                                Topics.SIGNATURES,
                                used,
                                used == declared
                                        ? ", as declared"
                                        : ", raised from %d for the benchmark".formatted(declared),
                                one.produceSeconds(),
                                two.produceSeconds(),
                                warmUp(events)));
    }

    private static Run run(Path repository, Infrastructure infrastructure, int instances, long events, long seed)
            throws Exception {
        String group = "chorus-tracking-scale-out-" + instances + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        String schema = "tracking_scale_out_" + instances;
        startAtEnd(infrastructure, group);
        List<CompletableFuture<ServiceProcess>> starting = new ArrayList<>();
        for (int i = 1; i <= instances; i++) {
            String log = "tracking-scale-out-" + instances + "-" + i;
            starting.add(CompletableFuture.supplyAsync(() -> ServiceProcess.start(
                    repository,
                    "tracking",
                    log,
                    Ports.free(),
                    infrastructure,
                    "--spring.kafka.consumer.group-id=" + group,
                    "--spring.datasource.hikari.schema=" + schema,
                    "--spring.flyway.schemas=" + schema)));
        }
        List<ServiceProcess> trackers = new ArrayList<>();
        try {
            Exception failed = null;
            for (CompletableFuture<ServiceProcess> start : starting) {
                try {
                    trackers.add(start.get());
                } catch (ExecutionException e) {
                    failed = e;
                }
            }
            if (failed != null) {
                throw new IllegalStateException("a tracking instance did not start", failed.getCause());
            }
            String assignment = awaitAssigned(infrastructure, group, instances);
            System.out.printf("%d tracking instance(s) in group %s, partitions %s%n", instances, group, assignment);

            // fresh JVMs interpret before the JIT has compiled the path; two of them compete for the cores to do so
            long warmUp = warmUp(events);
            produce(infrastructure, warmUp, -seed);
            awaitApplied(infrastructure, schema, warmUp, trackers);
            System.out.printf("  warmed up with %,d events%n", warmUp);

            double cpuBefore = cpuSeconds(trackers);
            String loadBefore = loadAverage();
            Instant started = Instant.now();
            long producing = System.nanoTime();
            produce(infrastructure, events, seed);
            double produceSeconds = (System.nanoTime() - producing) / 1e9;
            Instant last = awaitApplied(infrastructure, schema, warmUp + events, trackers);
            double seconds = Duration.between(started, last).toNanos() / 1e9;
            double cpu = cpuSeconds(trackers) - cpuBefore;
            return new Run(
                    instances,
                    events,
                    seconds,
                    produceSeconds,
                    assignment,
                    cpu,
                    "load average " + loadBefore + " before, " + loadAverage() + " after");
        } finally {
            trackers.forEach(ServiceProcess::close);
        }
    }

    private static double cpuSeconds(List<ServiceProcess> trackers) {
        return trackers.stream().mapToDouble(ServiceProcess::cpuSeconds).sum();
    }

    /** The 1-minute load average of the machine: other work on the same cores shows here. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static int partitionsOf(Infrastructure infrastructure) throws Exception {
        try (Admin admin = admin(infrastructure)) {
            return admin.describeTopics(List.of(Topics.SIGNATURES))
                    .allTopicNames()
                    .get()
                    .get(Topics.SIGNATURES)
                    .partitions()
                    .size();
        }
    }

    private static void raisePartitions(Infrastructure infrastructure, int partitions) throws Exception {
        try (Admin admin = admin(infrastructure)) {
            admin.createPartitions(Map.of(Topics.SIGNATURES, NewPartitions.increaseTo(partitions)))
                    .all()
                    .get();
        }
    }

    /** The fresh group starts at the current end of the topics, so it reads only this run's backlog. */
    private static void startAtEnd(Infrastructure infrastructure, String group) throws Exception {
        try (Admin admin = admin(infrastructure)) {
            Map<TopicPartition, OffsetSpec> latest =
                    new TreeMap<>((a, b) -> a.topic().equals(b.topic())
                            ? Integer.compare(a.partition(), b.partition())
                            : a.topic().compareTo(b.topic()));
            for (String topic : List.of(Topics.STATEMENTS, Topics.SIGNATURES, Topics.DISTRIBUTION)) {
                admin.describeTopics(List.of(topic))
                        .allTopicNames()
                        .get()
                        .get(topic)
                        .partitions()
                        .forEach(info -> latest.put(new TopicPartition(topic, info.partition()), OffsetSpec.latest()));
            }
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listOffsets(latest).all().get().entrySet().stream()
                    .collect(Collectors.toMap(
                            Map.Entry::getKey,
                            entry -> new OffsetAndMetadata(entry.getValue().offset())));
            admin.alterConsumerGroupOffsets(group, offsets).all().get();
        }
    }

    /**
     * Waits until the group is stable and every partition of the signatures topic is assigned, to as many instances
     * as can have one; returns the partitions per instance, e.g. {@code 2+1}.
     */
    private static String awaitAssigned(Infrastructure infrastructure, String group, int instances) throws Exception {
        int partitions = partitionsOf(infrastructure);
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        try (Admin admin = admin(infrastructure)) {
            while (System.nanoTime() < deadline) {
                ConsumerGroupDescription description =
                        admin.describeConsumerGroups(List.of(group)).all().get().get(group);
                List<Integer> perMember = new ArrayList<>();
                int assigned = 0;
                for (MemberDescription member : description.members()) {
                    Set<TopicPartition> mine = member.assignment().topicPartitions();
                    int count = (int) mine.stream()
                            .filter(partition -> partition.topic().equals(Topics.SIGNATURES))
                            .count();
                    if (count > 0) {
                        perMember.add(count);
                        assigned += count;
                    }
                }
                if (description.groupState() == GroupState.STABLE
                        && assigned == partitions
                        && perMember.size() == Math.min(instances, partitions)) {
                    return perMember.stream()
                            .sorted((a, b) -> b - a)
                            .map(String::valueOf)
                            .collect(Collectors.joining("+"));
                }
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("group " + group + " did not assign " + Topics.SIGNATURES + " to " + instances
                + " instance(s) within 5 minutes");
    }

    /** Confirmed signatures, {@value #SIGNATURES_PER_STATEMENT} per statement, keyed by statement as the relay does. */
    private static void produce(Infrastructure infrastructure, long events, long seed) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrap());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        Random random = new Random(seed);
        Instant start = Instant.parse("2026-02-02T08:00:00Z");
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            UUID statement = null;
            for (long i = 0; i < events; i++) {
                if (i % SIGNATURES_PER_STATEMENT == 0) {
                    statement = UUID.randomUUID();
                }
                UUID signature = UUID.randomUUID();
                Instant confirmed = start.plusSeconds(i);
                boolean withheld = random.nextInt(100) < 10;
                SignatureConfirmed data = new SignatureConfirmed(
                        signature,
                        statement,
                        random.nextInt(100) < 40 ? SignatoryKind.ORGANISATION : SignatoryKind.INDIVIDUAL,
                        withheld ? null : "Signer " + i,
                        COUNTRIES.get(random.nextInt(COUNTRIES.size())),
                        null,
                        1,
                        HASH,
                        confirmed,
                        withheld ? Visibility.WITHHELD : Visibility.PUBLIC,
                        null,
                        null);
                producer.send(new ProducerRecord<>(
                        Topics.SIGNATURES,
                        statement.toString(),
                        EventCodec.write(Envelope.of(
                                EventTypes.SIGNATURE_CONFIRMED, "/signatures", statement, confirmed, data))));
            }
            producer.flush();
        }
    }

    /**
     * Waits until the schema's inbox holds {@code events} events and its projection as many signatures; returns when
     * the last was applied.
     */
    private static Instant awaitApplied(
            Infrastructure infrastructure, String schema, long events, List<ServiceProcess> trackers)
            throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + DRAIN_WITHIN.toNanos();
        long reported = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(
                        infrastructure.jdbcUrl(), infrastructure.dbUser(), infrastructure.dbPassword());
                Statement query = connection.createStatement()) {
            while (System.nanoTime() < deadline) {
                for (ServiceProcess tracker : trackers) {
                    if (!tracker.alive()) {
                        throw new IllegalStateException("a tracking instance exited; see its log in bench-results/");
                    }
                }
                try (ResultSet applied =
                        query.executeQuery("select count(*), max(processed_at) from " + schema + ".processed_event")) {
                    applied.next();
                    long count = applied.getLong(1);
                    if (count >= events) {
                        if (count > events) {
                            throw new IllegalStateException(count + " events applied, expected " + events);
                        }
                        Timestamp last = applied.getTimestamp(2);
                        try (ResultSet signatures =
                                query.executeQuery("select count(*) from " + schema + ".signature")) {
                            signatures.next();
                            if (signatures.getLong(1) != events) {
                                throw new IllegalStateException(
                                        signatures.getLong(1) + " signatures projected, expected " + events);
                            }
                        }
                        return last.toInstant();
                    }
                    if (System.nanoTime() - reported > Duration.ofSeconds(15).toNanos()) {
                        System.out.printf("  %,d of %,d applied%n", count, events);
                        reported = System.nanoTime();
                    }
                }
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("tracking did not apply " + events + " events within " + DRAIN_WITHIN);
    }

    /** A quarter of the measured events, applied and left out of the figure. */
    private static long warmUp(long events) {
        return Math.max(1, events / 4);
    }

    private static long statements(long events) {
        return (events + SIGNATURES_PER_STATEMENT - 1) / SIGNATURES_PER_STATEMENT;
    }

    private static Admin admin(Infrastructure infrastructure) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrap()));
    }

    private ScaleOutBenchmark() {}
}
