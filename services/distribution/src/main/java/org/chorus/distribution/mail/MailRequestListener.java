package org.chorus.distribution.mail;

import org.chorus.events.Envelope;
import org.chorus.events.EventCodec;
import org.chorus.events.MailRequested;
import org.chorus.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class MailRequestListener {
    private final MailRequests requests;

    MailRequestListener(MailRequests requests) {
        this.requests = requests;
    }

    @KafkaListener(id = "distribution-mail-requests", idIsGroup = false, topics = Topics.MAIL_REQUESTS)
    void on(String value) {
        Envelope<?> event = EventCodec.read(value);
        if (event.data() instanceof MailRequested request) {
            requests.handle(event.id(), event.subject(), request);
        }
    }
}
