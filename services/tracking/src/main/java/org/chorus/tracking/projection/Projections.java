package org.chorus.tracking.projection;

import java.util.List;
import java.util.UUID;
import org.chorus.events.Envelope;
import org.chorus.platform.inbox.Inbox;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Applies each event once (by its id) to every read model, in one transaction. */
@Service
public class Projections {
    private final List<Projection> projections;
    private final Inbox inbox;
    private final ApplicationEventPublisher publisher;

    Projections(List<Projection> projections, Inbox inbox, ApplicationEventPublisher publisher) {
        this.projections = projections;
        this.inbox = inbox;
        this.publisher = publisher;
    }

    /** Returns false when the event was applied before (a redelivery), which then changes nothing. */
    @Transactional
    public boolean apply(Envelope<?> event) {
        if (!inbox.firstDelivery(event.id())) {
            return false;
        }
        for (Projection projection : projections) {
            projection.apply(event);
        }
        UUID statement = statementOf(event.subject());
        if (statement != null) {
            publisher.publishEvent(new StatementChanged(statement));
        }
        return true;
    }

    private static UUID statementOf(String subject) {
        if (subject == null) {
            return null;
        }
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
