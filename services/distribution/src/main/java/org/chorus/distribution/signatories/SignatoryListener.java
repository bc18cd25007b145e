package org.chorus.distribution.signatories;

import org.chorus.events.Envelope;
import org.chorus.events.EventCodec;
import org.chorus.events.SealedSignatureConfirmed;
import org.chorus.events.SealedSignatureCorrected;
import org.chorus.events.SignatureConfirmed;
import org.chorus.events.SignatureCorrected;
import org.chorus.events.SignatureMerged;
import org.chorus.events.SignatureRejected;
import org.chorus.events.SignatureWithdrawn;
import org.chorus.events.Topics;
import org.chorus.platform.sealing.SignatoryOpener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Reads v2 confirmations and corrections (names sealed for distribution, opened here) and v1 ones left on the topic. */
@Component
class SignatoryListener {
    private final Signatories signatories;
    private final SignatoryOpener opener;

    SignatoryListener(Signatories signatories, SignatoryOpener opener) {
        this.signatories = signatories;
        this.opener = opener;
    }

    @KafkaListener(id = "distribution-signatures", idIsGroup = false, topics = Topics.SIGNATURES)
    void on(String value) {
        Envelope<?> event = EventCodec.read(value);
        if (event.data() instanceof SealedSignatureConfirmed sealed) {
            signatories.confirmed(event.id(), opener.open(sealed));
        } else if (event.data() instanceof SealedSignatureCorrected sealed) {
            signatories.corrected(event.id(), opener.open(sealed));
        } else if (event.data() instanceof SignatureConfirmed confirmed) {
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
