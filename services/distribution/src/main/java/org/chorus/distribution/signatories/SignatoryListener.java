package org.chorus.distribution.signatories;

import org.chorus.events.Envelope;
import org.chorus.events.EventCodec;
import org.chorus.events.SignatureConfirmed;
import org.chorus.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class SignatoryListener {
    private final Signatories signatories;

    SignatoryListener(Signatories signatories) {
        this.signatories = signatories;
    }

    @KafkaListener(id = "distribution-signatures", idIsGroup = false, topics = Topics.SIGNATURES)
    void on(String value) {
        Envelope<?> event = EventCodec.read(value);
        if (event.data() instanceof SignatureConfirmed confirmed) {
            signatories.confirmed(event.id(), confirmed);
        }
    }
}
