package org.chorus.distribution.signatories;

import org.chorus.events.Envelope;
import org.chorus.events.EventCodec;
import org.chorus.events.SignatureConfirmed;
import org.chorus.events.SignatureCorrected;
import org.chorus.events.SignatureMerged;
import org.chorus.events.SignatureRejected;
import org.chorus.events.SignatureWithdrawn;
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
        } else if (event.data() instanceof SignatureWithdrawn withdrawn) {
            signatories.removed(event.id(), withdrawn.signatureId());
        } else if (event.data() instanceof SignatureRejected rejected) {
            signatories.removed(event.id(), rejected.signatureId());
        } else if (event.data() instanceof SignatureMerged merged) {
            signatories.removed(event.id(), merged.signatureId());
        } else if (event.data() instanceof SignatureCorrected corrected) {
            signatories.corrected(event.id(), corrected);
        }
    }
}
