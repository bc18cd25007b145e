package org.chorus.tracking.rebuild;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsResult;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.chorus.events.Envelope;
import org.chorus.events.EventCodec;
import org.chorus.events.MalformedEventException;
import org.chorus.events.Topics;
import org.chorus.tracking.projection.Projections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds every projection from the start of the consumed topics into a shadow schema, with the same projection
 * code as the live consumers (the transaction's search path points at the shadow tables), then compares the shadow
 * tables with the live ones. The live tables are not touched. Milestones and reminders are tracking's own decisions,
 * not projections, and are not rebuilt.
 */
@Service
class Rebuild {
    private static final Logger log = LoggerFactory.getLogger(Rebuild.class);
    static final String SHADOW = "tracking_rebuild";
    static final List<String> TOPICS = List.of(Topics.STATEMENTS, Topics.SIGNATURES, Topics.DISTRIBUTION);
    static final List<String> PROJECTION_TABLES = List.of(
            "statement",
            "signature",
            "signature_removal",
            "reconfirmation",
            "reconsent",
            "schedule",
            "statement_end",
            "invitation",
            "mail_outcome");
    private static final int BATCH = 500;
    private static final int ROUNDS = 3;

    private final JdbcClient jdbc;
    private final Projections projections;
    private final ConsumerFactory<?, ?> consumers;
    private final KafkaAdmin kafkaAdmin;
    private final TransactionTemplate batchTx;
    private final TransactionTemplate eventTx;
    private final String liveGroup;
    private final AtomicBoolean running = new AtomicBoolean();

    /**
     * @param eventsApplied events applied to the shadow tables (redeliveries and unknown types included)
     * @param eventsSkipped records the live consumer also sets aside (malformed: they went to the dead-letter topic)
     * @param caughtUp the shadow consumer reached the end offsets captured at the start, and so did the live one
     * @param equal every projection table holds the same rows in the shadow schema as in the live one
     * @param differences per table, rows present on one side only
     */
    record Report(
            long eventsApplied,
            long eventsSkipped,
            boolean caughtUp,
            boolean equal,
            Map<String, Long> differences,
            double seconds) {}

    Rebuild(
            JdbcClient jdbc,
            Projections projections,
            ConsumerFactory<?, ?> consumers,
            KafkaAdmin kafkaAdmin,
            PlatformTransactionManager transactions,
            @Value("${spring.kafka.consumer.group-id}") String liveGroup) {
        this.jdbc = jdbc;
        this.projections = projections;
        this.consumers = consumers;
        this.kafkaAdmin = kafkaAdmin;
        this.batchTx = new TransactionTemplate(transactions);
        this.eventTx = new TransactionTemplate(transactions);
        this.eventTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.liveGroup = liveGroup;
    }

    /** Whether a rebuild is running now; only one runs at a time. */
    boolean running() {
        return running.get();
    }

    /** Runs a whole rebuild; null if another one is running. */
    Report run(Duration timeout) {
        if (!running.compareAndSet(false, true)) {
            return null;
        }
        try {
            return rebuild(timeout);
        } finally {
            running.set(false);
        }
    }

    private Report rebuild(Duration timeout) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        String live = jdbc.sql("select current_schema()").query(String.class).single();
        createShadow(live);
        long applied = 0;
        long skipped = 0;
        boolean caughtUp = false;
        boolean equal = false;
        Map<String, Long> differences = Map.of();
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(BATCH));
        try (Consumer<?, ?> consumer = consumers.createConsumer(
                "tracking-rebuild-" + UUID.randomUUID(), "tracking-rebuild", null, overrides)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                consumer.partitionsFor(topic)
                        .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // Events keep arriving while a rebuild runs: if the live tables moved past the end offsets read, read on
            // to the new end and compare again, a few times.
            for (int round = 0; round < ROUNDS && !equal && System.nanoTime() < deadline; round++) {
                Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
                while (!reached(consumer, end) && System.nanoTime() < deadline) {
                    ConsumerRecords<?, ?> records = consumer.poll(Duration.ofMillis(200));
                    if (!records.isEmpty()) {
                        long[] counts = applyBatch(records);
                        applied += counts[0];
                        skipped += counts[1];
                    }
                }
                caughtUp = reached(consumer, end) && liveCaughtUp(end, deadline);
                differences = compare(live);
                equal = differences.values().stream().allMatch(count -> count == 0);
            }
        }
        Report report = new Report(
                applied, skipped, caughtUp, equal, differences, (System.nanoTime() - started) / 1_000_000_000.0);
        log.info(
                "Rebuild applied {} events ({} set aside), caught up: {}, equal to live: {}, in {} s",
                applied,
                skipped,
                caughtUp,
                equal,
                String.format("%.1f", report.seconds()));
        return report;
    }

    private void createShadow(String live) {
        batchTx.executeWithoutResult(status -> {
            jdbc.sql("drop schema if exists " + SHADOW + " cascade").update();
            jdbc.sql("create schema " + SHADOW).update();
            List<String> tables = new ArrayList<>(PROJECTION_TABLES);
            tables.add("processed_event");
            for (String table : tables) {
                jdbc.sql("create table " + SHADOW + "." + table + " (like " + live + "." + table + " including all)")
                        .update();
            }
        });
    }

    /** One transaction per batch, on the shadow tables; each event in a savepoint, so a bad one is set aside alone. */
    private long[] applyBatch(ConsumerRecords<?, ?> records) {
        long[] counts = new long[2];
        batchTx.executeWithoutResult(status -> {
            jdbc.sql("select set_config('search_path', ?, true)")
                    .param(SHADOW)
                    .query(String.class)
                    .single();
            for (ConsumerRecord<?, ?> record : records) {
                if (!(record.value() instanceof String value)) {
                    counts[1]++;
                    continue;
                }
                try {
                    eventTx.executeWithoutResult(savepoint -> {
                        Envelope<?> event = EventCodec.read(value);
                        projections.apply(event);
                    });
                    counts[0]++;
                } catch (MalformedEventException e) {
                    counts[1]++;
                }
            }
        });
        return counts;
    }

    private static boolean reached(Consumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(entry -> consumer.position(entry.getKey()) >= entry.getValue());
    }

    /** Waits until the live consumers committed at least the end offsets the rebuild read up to. */
    private boolean liveCaughtUp(Map<TopicPartition, Long> end, long deadline) {
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            while (true) {
                ListConsumerGroupOffsetsResult result = admin.listConsumerGroupOffsets(liveGroup);
                Map<TopicPartition, OffsetAndMetadata> committed =
                        result.partitionsToOffsetAndMetadata().get();
                boolean caughtUp = end.entrySet().stream()
                        .allMatch(entry -> entry.getValue() == 0
                                || (committed.get(entry.getKey()) != null
                                        && committed.get(entry.getKey()).offset() >= entry.getValue()));
                if (caughtUp || System.nanoTime() > deadline) {
                    return caughtUp;
                }
                Thread.sleep(100);
            }
        } catch (ExecutionException e) {
            log.warn("Could not read the live consumer offsets: {}", e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Rows on one side only, per table (multiset difference both ways). */
    private Map<String, Long> compare(String live) {
        Map<String, Long> differences = new LinkedHashMap<>();
        for (String table : PROJECTION_TABLES) {
            String liveTable = live + "." + table;
            String shadowTable = SHADOW + "." + table;
            long count = jdbc.sql("select count(*) from ((select * from " + liveTable + " except all select * from "
                            + shadowTable + ") union all (select * from " + shadowTable + " except all select * from "
                            + liveTable + ")) difference")
                    .query(Long.class)
                    .single();
            differences.put(table, count);
        }
        return differences;
    }
}
