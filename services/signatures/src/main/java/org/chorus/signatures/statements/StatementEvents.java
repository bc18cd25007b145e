package org.chorus.signatures.statements;

import org.chorus.events.Envelope;
import org.chorus.events.EventCodec;
import org.chorus.events.StatementOpened;
import org.chorus.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class StatementEvents {
    private final OpenStatements statements;

    StatementEvents(OpenStatements statements) {
        this.statements = statements;
    }

    @KafkaListener(id = "signatures-statements", idIsGroup = false, topics = Topics.STATEMENTS)
    void on(String value) {
        Envelope<?> event = EventCodec.read(value);
        if (event.data() instanceof StatementOpened opened) {
            statements.opened(event.id(), event.time(), opened);
        }
    }
}
