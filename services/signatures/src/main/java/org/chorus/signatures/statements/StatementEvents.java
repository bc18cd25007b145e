package org.chorus.signatures.statements;

import org.chorus.events.Envelope;
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
import org.chorus.signatures.reconsent.Reconsent;
import org.chorus.signatures.signatories.Signatories;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class StatementEvents {
    private final OpenStatements statements;
    private final Reconsent reconsent;
    private final Signatories signatories;

    StatementEvents(OpenStatements statements, Reconsent reconsent, Signatories signatories) {
        this.statements = statements;
        this.reconsent = reconsent;
        this.signatories = signatories;
    }

    @KafkaListener(id = "signatures-statements", idIsGroup = false, topics = Topics.STATEMENTS)
    void on(String value) {
        Envelope<?> event = EventCodec.read(value);
        if (event.data() instanceof StatementOpened opened) {
            statements.opened(event.id(), event.time(), opened);
            signatories.opened(opened.statementId());
        } else if (event.data() instanceof StatementRevised revised) {
            reconsent.revised(event.id(), revised);
        } else if (event.data() instanceof StatementClosed closed) {
            statements.closed(event.id(), closed, SignOnEnd.of(event).orElseThrow());
        } else if (event.data() instanceof StatementPublished published) {
            statements.published(
                    event.id(), event.time(), published, SignOnEnd.of(event).orElseThrow());
        } else if (event.data() instanceof StatementWithdrawn withdrawn) {
            statements.withdrawn(
                    event.id(), event.time(), withdrawn, SignOnEnd.of(event).orElseThrow());
        } else if (event.data() instanceof ScheduleSet schedule) {
            statements.scheduled(event.id(), schedule);
        } else if (event.data() instanceof TranslationUpdated translation) {
            statements.translated(event.id(), translation);
        }
    }
}
