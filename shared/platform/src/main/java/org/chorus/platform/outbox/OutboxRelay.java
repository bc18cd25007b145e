package org.chorus.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes committed outbox rows to Kafka in batches, oldest first, and deletes them once the broker acknowledged
 * them ({@code acks=all}). Runs on one thread per service instance; {@code skip locked} lets several instances share
 * the table. A crash between send and delete publishes a batch twice; consumers are idempotent by event id.
 */
@Component
public class OutboxRelay implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcClient jdbc;
    private final KafkaTemplate<String, String> kafka;
    private final TransactionTemplate tx;
    private final Counter published;
    private final int batchSize;
    private final long idleMillis;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile Thread worker;

    OutboxRelay(
            JdbcClient jdbc,
            KafkaTemplate<String, String> kafka,
            TransactionTemplate tx,
            MeterRegistry meters,
            @Value("${chorus.outbox.batch-size:500}") int batchSize,
            @Value("${chorus.outbox.idle-poll-ms:250}") long idleMillis) {
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.tx = tx;
        this.published = meters.counter("chorus.outbox.published");
        this.batchSize = batchSize;
        this.idleMillis = idleMillis;
    }

    void wake() {
        if (wakeUp.availablePermits() == 0) {
            wakeUp.release();
        }
    }

    /** Publishes one batch; returns how many events it published. */
    int publishBatch() {
        Integer count = tx.execute(status -> {
            List<Row> rows = jdbc.sql("""
                            select id, topic, record_key, payload from outbox
                            order by id limit ? for update skip locked""").param(batchSize).query(Row.class).list();
            if (rows.isEmpty()) {
                return 0;
            }
            // losing this delete to a database crash only publishes the batch again, which consumers ignore by
            // event id: the relay need not wait for the disk, and the next batch goes out sooner
            jdbc.sql("set local synchronous_commit = off").update();
            CompletableFuture<?>[] sends = rows.stream()
                    .map(row -> kafka.send(row.topic(), row.recordKey(), row.payload()))
                    .toArray(CompletableFuture[]::new);
            CompletableFuture.allOf(sends).join();
            jdbc.sql("delete from outbox where id = any(?)")
                    .param(rows.stream().map(Row::id).toArray(Long[]::new))
                    .update();
            return rows.size();
        });
        int published = count == null ? 0 : count;
        this.published.increment(published);
        return published;
    }

    private void run() {
        while (worker == Thread.currentThread()) {
            try {
                if (publishBatch() < batchSize) {
                    wakeUp.tryAcquire(idleMillis, TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Outbox relay could not publish, retrying in 1 s: {}", e.toString());
                sleepQuietly();
            }
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread thread = worker;
        worker = null;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    record Row(long id, String topic, String recordKey, String payload) {}
}
