package org.chorus.signatures.invitations;

import org.chorus.events.Envelope;
import org.chorus.events.EventCodec;
import org.chorus.events.ReminderTriggered;
import org.chorus.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Tracking decides when an invitee is due a reminder; only this service knows where to send it. */
@Component
class ReminderEvents {
    private final Invitations invitations;

    ReminderEvents(Invitations invitations) {
        this.invitations = invitations;
    }

    @KafkaListener(id = "signatures-tracking", idIsGroup = false, topics = Topics.TRACKING)
    void on(String value) {
        Envelope<?> event = EventCodec.read(value);
        if (event.data() instanceof ReminderTriggered reminder) {
            invitations.remind(event.id(), reminder);
        }
    }
}
