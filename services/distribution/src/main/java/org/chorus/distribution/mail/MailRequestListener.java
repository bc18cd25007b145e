package org.chorus.distribution.mail;

import org.chorus.events.Envelope;
import org.chorus.events.EventCodec;
import org.chorus.events.MailRequested;
import org.chorus.events.SealedMailRequested;
import org.chorus.events.Topics;
import org.chorus.platform.sealing.MailOpener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Mail requests: {@code chorus.mail.requested.v2} is opened with distribution's private key (a request that does not
 * open goes to the dead-letter topic); v1 records, from producers before v2, are still read.
 */
@Component
class MailRequestListener {
    private final MailRequests requests;
    private final MailOpener opener;

    MailRequestListener(MailRequests requests, MailOpener opener) {
        this.requests = requests;
        this.opener = opener;
    }

    @KafkaListener(id = "distribution-mail-requests", idIsGroup = false, topics = Topics.MAIL_REQUESTS)
    void on(String value) {
        Envelope<?> event = EventCodec.read(value);
        if (event.data() instanceof SealedMailRequested sealed) {
            requests.handle(event.id(), event.subject(), opener.open(event.subject(), sealed));
        } else if (event.data() instanceof MailRequested request) {
            requests.handle(event.id(), event.subject(), request);
        }
    }
}
