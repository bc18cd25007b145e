package org.chorus.tracking.projection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.events.Envelope;
import org.chorus.events.EventCodec;
import org.chorus.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * One listener per consumed topic (one consumer group, so one listener per topic); every read model sees each event.
 * A poll's events are applied in one transaction, their ids recorded in one statement and the dashboards told once
 * per statement: under sign-on load a transaction and two statements per event were more than tracking could keep up
 * with. If any of them fails, the poll's events are applied again one per transaction up to the
 * failing one, which is then named to the error handler: it is retried and set aside on its own, as a record
 * listener's would be, and the events before it stay applied. Such fallbacks are logged and counted in
 * {@code chorus.tracking.poll.fallbacks}: a steady count means tracking is back to a transaction per event.
 */
@Component
class ProjectionListeners {
    private static final Logger log = LoggerFactory.getLogger(ProjectionListeners.class);

    private final Projections projections;
    private final Counter fallbacks;

    ProjectionListeners(Projections projections, MeterRegistry meters) {
        this.projections = projections;
        this.fallbacks = meters.counter("chorus.tracking.poll.fallbacks");
    }

    @KafkaListener(id = "tracking-statements", idIsGroup = false, topics = Topics.STATEMENTS, batch = "true")
    void onStatements(List<ConsumerRecord<String, String>> records) {
        apply(records);
    }

    @KafkaListener(id = "tracking-signatures", idIsGroup = false, topics = Topics.SIGNATURES, batch = "true")
    void onSignatures(List<ConsumerRecord<String, String>> records) {
        apply(records);
    }

    @KafkaListener(id = "tracking-distribution", idIsGroup = false, topics = Topics.DISTRIBUTION, batch = "true")
    void onDistribution(List<ConsumerRecord<String, String>> records) {
        apply(records);
    }

    private void apply(List<ConsumerRecord<String, String>> records) {
        try {
            projections.applyAll(records.stream()
                    .<Envelope<?>>map(record -> EventCodec.read(record.value()))
                    .toList());
        } catch (RuntimeException pollFailed) {
            fallbacks.increment();
            log.warn(
                    "A poll of {} events on {} failed ({}); applying them one per transaction",
                    records.size(),
                    records.get(0).topic(),
                    pollFailed.getClass().getSimpleName());
            for (ConsumerRecord<String, String> record : records) {
                try {
                    applyOne(record);
                } catch (RuntimeException e) {
                    throw new BatchListenerFailedException(e.getMessage(), e, record);
                }
            }
        }
    }

    private void applyOne(ConsumerRecord<String, String> record) {
        projections.apply(EventCodec.read(record.value()));
    }
}
