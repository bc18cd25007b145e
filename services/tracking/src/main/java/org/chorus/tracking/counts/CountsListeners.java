package org.chorus.tracking.counts;

import org.chorus.events.Envelope;
import org.chorus.events.EventCodec;
import org.chorus.events.SignatureConfirmed;
import org.chorus.events.StatementOpened;
import org.chorus.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds the counts from the statements and signatures topics; other event types are skipped. */
@Component
class CountsListeners {
    private final Counts counts;

    CountsListeners(Counts counts) {
        this.counts = counts;
    }

    @KafkaListener(id = "tracking-statements", idIsGroup = false, topics = Topics.STATEMENTS)
    void onStatement(String value) {
        Envelope<?> event = EventCodec.read(value);
        if (event.data() instanceof StatementOpened opened) {
            counts.opened(event.id(), event.time(), opened);
        }
    }

    @KafkaListener(id = "tracking-signatures", idIsGroup = false, topics = Topics.SIGNATURES)
    void onSignature(String value) {
        Envelope<?> event = EventCodec.read(value);
        if (event.data() instanceof SignatureConfirmed confirmed) {
            counts.confirmed(event.id(), confirmed);
        }
    }
}
