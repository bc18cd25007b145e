package org.chorus.tracking.projection;

import org.chorus.events.EventCodec;
import org.chorus.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** One listener per consumed topic (one consumer group, so one listener per topic); every read model sees each event. */
@Component
class ProjectionListeners {
    private final Projections projections;

    ProjectionListeners(Projections projections) {
        this.projections = projections;
    }

    @KafkaListener(id = "tracking-statements", idIsGroup = false, topics = Topics.STATEMENTS)
    void onStatement(String value) {
        projections.apply(EventCodec.read(value));
    }

    @KafkaListener(id = "tracking-signatures", idIsGroup = false, topics = Topics.SIGNATURES)
    void onSignature(String value) {
        projections.apply(EventCodec.read(value));
    }

    @KafkaListener(id = "tracking-distribution", idIsGroup = false, topics = Topics.DISTRIBUTION)
    void onDistribution(String value) {
        projections.apply(EventCodec.read(value));
    }
}
