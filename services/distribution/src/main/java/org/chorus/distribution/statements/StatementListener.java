package org.chorus.distribution.statements;

import org.chorus.events.Envelope;
import org.chorus.events.ErratumAdded;
import org.chorus.events.EventCodec;
import org.chorus.events.ScheduleSet;
import org.chorus.events.SignOnEnd;
import org.chorus.events.StatementClosed;
import org.chorus.events.StatementOpened;
import org.chorus.events.StatementPublished;
import org.chorus.events.StatementRevised;
import org.chorus.events.StatementWithdrawn;
import org.chorus.events.Topics;
import org.chorus.events.TranslationUpdated;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class StatementListener {
    private final StatementCopies copies;

    StatementListener(StatementCopies copies) {
        this.copies = copies;
    }

    @KafkaListener(id = "distribution-statements", idIsGroup = false, topics = Topics.STATEMENTS)
    void on(String value) {
        Envelope<?> event = EventCodec.read(value);
        if (event.data() instanceof StatementOpened opened) {
            copies.opened(event.id(), opened);
        } else if (event.data() instanceof StatementRevised revised) {
            copies.revised(event.id(), revised);
        } else if (event.data() instanceof TranslationUpdated translation) {
            copies.translated(event.id(), translation);
        } else if (event.data() instanceof ScheduleSet schedule) {
            copies.scheduled(event.id(), schedule);
        } else if (event.data() instanceof StatementClosed closed) {
            copies.closed(event.id(), closed, SignOnEnd.of(event).orElseThrow());
        } else if (event.data() instanceof StatementPublished published) {
            copies.published(event.id(), published, SignOnEnd.of(event).orElseThrow());
        } else if (event.data() instanceof StatementWithdrawn withdrawn) {
            copies.withdrawn(event.id(), withdrawn, SignOnEnd.of(event).orElseThrow());
        } else if (event.data() instanceof ErratumAdded erratum) {
            copies.erratum(event.id(), erratum);
        }
    }
}
