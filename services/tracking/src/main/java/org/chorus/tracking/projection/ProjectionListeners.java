package org.chorus.tracking.projection;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.events.Envelope;
import org.chorus.events.EventCodec;
import org.chorus.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * One listener per consumed topic (one consumer group, so one listener per topic); every read model sees each event.
 * A poll's events are applied in one transaction, their ids recorded in one statement and the dashboards told once
 * per statement: under sign-on load a transaction and two statements per event were more than tracking could keep up
 * with. If any of them fails, the poll's events are applied again one per transaction up to the
 * failing one, which is then named to the error handler: it is retried and set aside on its own, as a record
 * listener's would be, and the events before it stay applied.
 */
@Component
class ProjectionListeners {
    private final Projections projections;

    ProjectionListeners(Projections projections) {
        this.projections = projections;
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
