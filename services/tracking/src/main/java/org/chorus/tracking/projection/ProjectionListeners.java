package org.chorus.tracking.projection;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.events.EventCodec;
import org.chorus.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One listener per consumed topic (one consumer group, so one listener per topic); every read model sees each event.
 * A poll's events are applied in one transaction: one commit, not one per event, which under sign-on load is what
 * lets tracking keep up. If any of them fails, the poll's events are applied again one per transaction up to the
 * failing one, which is then named to the error handler: it is retried and set aside on its own, as a record
 * listener's would be, and the events before it stay applied.
 */
@Component
class ProjectionListeners {
    private final Projections projections;
    private final TransactionTemplate poll;

    ProjectionListeners(Projections projections, PlatformTransactionManager transactions) {
        this.projections = projections;
        this.poll = new TransactionTemplate(transactions);
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
            poll.executeWithoutResult(status -> records.forEach(this::applyOne));
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
