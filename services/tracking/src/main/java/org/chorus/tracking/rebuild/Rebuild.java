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
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds every projection from the start of the consumed topics into a shadow schema, with the same projection
 * code as the live consumers (the transaction's search path points at the shadow tables), then compares the shadow
 * tables with the live ones. Milestones and reminders are tracking's own decisions, not projections, and are not
 * rebuilt.
 *
 * <p>On request the rebuilt tables then replace the live ones: the live listeners are paused, the shadow reads on to
 * the topics' end offsets as they are now, and in one transaction every live projection table and the inbox
 * ({@code processed_event}) move to the schema {@value #REPLACED} while their rebuilt twins move into the live schema.
 * The listeners resume from their committed offsets; whatever they read again was applied by the rebuild and is in
 * the rebuilt inbox, so nothing counts twice.
 */
@Service
class Rebuild {
    private static final Logger log = LoggerFactory.getLogger(Rebuild.class);
    static final String SHADOW = "tracking_rebuild";
    static final String REPLACED = "tracking_replaced";
    static final List<String> LISTENERS =
            List.of("tracking-statements", "tracking-signatures", "tracking-distribution");
    private static final String INBOX = "processed_event";
    private static final int SWAP_ATTEMPTS = 5;
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
    private final KafkaListenerEndpointRegistry listeners;
    private final AtomicBoolean running = new AtomicBoolean();

    /**
     * @param eventsApplied events applied to the shadow tables (redeliveries and unknown types included)
     * @param eventsSkipped records the live consumer also sets aside (malformed: they went to the dead-letter topic)
     * @param caughtUp the shadow consumer reached the end offsets captured at the start, and so did the live one
     * @param equal every projection table holds the same rows in the shadow schema as in the live one
     * @param differences per table, rows present on one side only
     * @param swapped the rebuilt tables replaced the live ones (asked for, and the rebuild caught up)
     */
    record Report(
            long eventsApplied,
            long eventsSkipped,
            boolean caughtUp,
            boolean equal,
            Map<String, Long> differences,
            double seconds,
            boolean swapped) {}

    Rebuild(
            JdbcClient jdbc,
            Projections projections,
            ConsumerFactory<?, ?> consumers,
            KafkaAdmin kafkaAdmin,
            PlatformTransactionManager transactions,
            KafkaListenerEndpointRegistry listeners,
            @Value("${spring.kafka.consumer.group-id}") String liveGroup) {
        this.jdbc = jdbc;
        this.projections = projections;
        this.consumers = consumers;
        this.kafkaAdmin = kafkaAdmin;
        this.batchTx = new TransactionTemplate(transactions);
        this.eventTx = new TransactionTemplate(transactions);
        this.eventTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.liveGroup = liveGroup;
        this.listeners = listeners;
    }

    /** Whether a rebuild is running now; only one runs at a time. */
    boolean running() {
        return running.get();
    }

    /**
     * Runs a whole rebuild; null if another one is running. With {@code swap}, the rebuilt tables replace the live ones
     * once the rebuild caught up, whether or not they were equal (a rebuild after a projection fix is expected to
     * differ).
     */
    Report run(Duration timeout, boolean swap) {
        if (!running.compareAndSet(false, true)) {
            return null;
        }
        try {
            return rebuild(timeout, swap);
        } finally {
            running.set(false);
        }
    }

    private Report rebuild(Duration timeout, boolean swap) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        String live = jdbc.sql("select current_schema()").query(String.class).single();
        createShadow(live);
        long applied = 0;
        long skipped = 0;
        boolean caughtUp = false;
        boolean equal = false;
        boolean swapped = false;
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
                caughtUp = reached(consumer, end) && (!liveRunning() || liveCaughtUp(end, deadline));
                differences = compare(live);
                equal = differences.values().stream().allMatch(count -> count == 0);
            }
            if (swap && caughtUp) {
                long[] last = new long[2];
                swapped = swap(live, consumer, partitions, deadline, last);
                applied += last[0];
                skipped += last[1];
            }
        }
        Report report = new Report(
                applied,
                skipped,
                caughtUp,
                equal,
                differences,
                (System.nanoTime() - started) / 1_000_000_000.0,
                swapped);
        log.info(
                "Rebuild applied {} events ({} set aside), caught up: {}, equal to live: {}, swapped in: {}, in {} s",
                applied,
                skipped,
                caughtUp,
                equal,
                swapped,
                String.format("%.1f", report.seconds()));
        return report;
    }

    /**
     * Pauses the live listeners, reads the shadow on to the end offsets as they are now, and swaps the tables in one
     * transaction; the listeners resume in every case. False if the listeners did not pause or the shadow did not
     * reach the end in time (then nothing was swapped).
     */
    private boolean swap(
            String live, Consumer<?, ?> consumer, List<TopicPartition> partitions, long deadline, long[] counts) {
        List<MessageListenerContainer> containers = LISTENERS.stream()
                .map(listeners::getListenerContainer)
                .filter(container -> container != null && container.isRunning())
                .toList();
        containers.forEach(MessageListenerContainer::pause);
        try {
            while (!containers.stream().allMatch(MessageListenerContainer::isContainerPaused)) {
                if (System.nanoTime() > deadline) {
                    log.warn("The live listeners did not pause in time: the rebuilt tables were not swapped in");
                    return false;
                }
                Thread.sleep(50);
            }
            // the live consumers applied at most up to these offsets; the shadow reads at least that far
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            while (!reached(consumer, end) && System.nanoTime() < deadline) {
                ConsumerRecords<?, ?> records = consumer.poll(Duration.ofMillis(200));
                if (!records.isEmpty()) {
                    long[] batch = applyBatch(records);
                    counts[0] += batch[0];
                    counts[1] += batch[1];
                }
            }
            if (!reached(consumer, end)) {
                log.warn("The rebuild did not reach the end of the topics in time: nothing was swapped in");
                return false;
            }
            swapTables(live);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            containers.forEach(MessageListenerContainer::resume);
        }
    }

    /**
     * One transaction: the live tables move to {@value #REPLACED} (kept for inspection until the next rebuild), the
     * rebuilt ones into the live schema. Readers wait on the table locks and then see the rebuilt rows; a reader that
     * deadlocks with the swap makes it retry.
     */
    private void swapTables(String live) {
        for (int attempt = 1; ; attempt++) {
            try {
                batchTx.executeWithoutResult(status -> {
                    jdbc.sql("drop schema if exists " + REPLACED + " cascade").update();
                    jdbc.sql("create schema " + REPLACED).update();
                    for (String table : swappedTables()) {
                        jdbc.sql("alter table " + live + "." + table + " set schema " + REPLACED)
                                .update();
                        jdbc.sql("alter table " + SHADOW + "." + table + " set schema " + live)
                                .update();
                    }
                    jdbc.sql("drop schema " + SHADOW).update();
                });
                return;
            } catch (TransientDataAccessException e) {
                if (attempt == SWAP_ATTEMPTS) {
                    throw e;
                }
                log.info(
                        "Swapping the rebuilt tables in met a reader, trying again: {}",
                        e.getClass().getSimpleName());
            }
        }
    }

    private static List<String> swappedTables() {
        List<String> tables = new ArrayList<>(PROJECTION_TABLES);
        tables.add(INBOX);
        return tables;
    }

    private void createShadow(String live) {
        batchTx.executeWithoutResult(status -> {
            jdbc.sql("drop schema if exists " + SHADOW + " cascade").update();
            jdbc.sql("create schema " + SHADOW).update();
            for (String table : swappedTables()) {
                jdbc.sql("create table " + SHADOW + "." + table + " (like " + live + "." + table + " including all)")
                        .update();
                nameIndexesAsLive(live, table);
            }
        });
    }

    /**
     * {@code like … including all} names copied indexes after their columns; give them the live names, so that a
     * migration naming an index still finds it after a swap.
     */
    private void nameIndexesAsLive(String live, String table) {
        List<String[]> renames = jdbc.sql("""
                        select s.indexname as shadow_name, l.indexname as live_name
                        from pg_indexes l join pg_indexes s on s.tablename = l.tablename
                        where l.schemaname = ? and s.schemaname = ? and l.tablename = ?
                          and l.indexname <> s.indexname
                          and regexp_replace(l.indexdef, '^.* USING ', '') = regexp_replace(s.indexdef, '^.* USING ', '')
                          and (l.indexdef like 'CREATE UNIQUE%') = (s.indexdef like 'CREATE UNIQUE%')""")
                .params(live, SHADOW, table)
                .query((rs, row) -> new String[] {rs.getString("shadow_name"), rs.getString("live_name")})
                .list();
        for (String[] rename : renames) {
            jdbc.sql("alter index " + SHADOW + ".\"" + rename[0] + "\" rename to \"" + rename[1] + "\"")
                    .update();
        }
    }

    /**
     * One transaction per batch, on the shadow tables. Records that are not events are set aside before any SQL; if a
     * projection refuses an event, the batch is applied again with one savepoint per event, so that only that one is
     * set aside (a savepoint per event every time would cost two more round trips per event).
     */
    private long[] applyBatch(ConsumerRecords<?, ?> records) {
        List<Envelope<?>> events = new ArrayList<>(records.count());
        long skipped = 0;
        for (ConsumerRecord<?, ?> record : records) {
            try {
                if (record.value() instanceof String value) {
                    events.add(EventCodec.read(value));
                } else {
                    skipped++;
                }
            } catch (MalformedEventException e) {
                skipped++;
            }
        }
        try {
            batchTx.executeWithoutResult(status -> {
                onShadow();
                projections.replayAll(events);
            });
            return new long[] {events.size(), skipped};
        } catch (MalformedEventException refused) {
            long[] counts = {0, skipped};
            batchTx.executeWithoutResult(status -> {
                onShadow();
                for (Envelope<?> event : events) {
                    try {
                        eventTx.executeWithoutResult(savepoint -> projections.replay(event));
                        counts[0]++;
                    } catch (MalformedEventException e) {
                        counts[1]++;
                    }
                }
            });
            return counts;
        }
    }

    private void onShadow() {
        jdbc.sql("select set_config('search_path', ?, true)")
                .param(SHADOW)
                .query(String.class)
                .single();
    }

    private static boolean reached(Consumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(entry -> consumer.position(entry.getKey()) >= entry.getValue());
    }

    /** Whether live listeners consume at all (not when started with {@code spring.kafka.listener.auto-startup=false}). */
    private boolean liveRunning() {
        return LISTENERS.stream()
                .map(listeners::getListenerContainer)
                .anyMatch(container -> container != null && container.isRunning());
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
