package org.chorus.tracking.projection;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.chorus.events.Envelope;
import org.chorus.platform.inbox.Inbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies each event once (by its id) to every read model, in one transaction. A live change also sends a PostgreSQL
 * notification on {@value #CHANNEL} with the statement id, which PostgreSQL delivers only if and when the transaction
 * commits, to every tracking instance listening: each pushes the change to its own dashboards. v2 signature events
 * are read as their v1 counterparts ({@link SealedEvents}).
 */
@Service
public class Projections {
    public static final String CHANNEL = "tracking_statement_changed";

    private final List<Projection> projections;
    private final Inbox inbox;
    private final JdbcClient jdbc;
    private final SealedEvents sealed;

    Projections(List<Projection> projections, Inbox inbox, JdbcClient jdbc, SealedEvents sealed) {
        this.projections = projections;
        this.sealed = sealed;
        this.inbox = inbox;
        this.jdbc = jdbc;
    }

    /** Returns false when the event was applied before (a redelivery), which then changes nothing. */
    @Transactional
    public boolean apply(Envelope<?> event) {
        if (!replay(event)) {
            return false;
        }
        UUID statement = statementOf(event.subject());
        if (statement != null) {
            notifyChanged(statement);
        }
        return true;
    }

    private void notifyChanged(UUID statement) {
        jdbc.sql("select pg_notify(?, ?)")
                .params(CHANNEL, statement.toString())
                .query((rs, row) -> 1)
                .list();
    }

    /** Applies a poll's events, each once and in order, and tells the dashboards once per statement they changed. */
    @Transactional
    public void applyAll(List<Envelope<?>> events) {
        replayAll(events).forEach(this::notifyChanged);
    }

    /**
     * Applies a poll's events without telling the dashboards, recording their ids in one statement; returns the
     * statements of the events applied now (not before).
     */
    @Transactional
    public Set<UUID> replayAll(List<Envelope<?>> events) {
        Set<UUID> first =
                inbox.firstDeliveries(events.stream().<UUID>map(Envelope::id).toList());
        Set<UUID> statements = new LinkedHashSet<>();
        for (Envelope<?> event : events) {
            if (first.remove(event.id())) {
                Envelope<?> opened = sealed.opened(event);
                projections.forEach(projection -> projection.apply(opened));
                UUID statement = statementOf(event.subject());
                if (statement != null) {
                    statements.add(statement);
                }
            }
        }
        return statements;
    }

    /** Applies the event without telling the dashboards: for a rebuild into the shadow tables. */
    @Transactional
    public boolean replay(Envelope<?> event) {
        if (!inbox.firstDelivery(event.id())) {
            return false;
        }
        Envelope<?> opened = sealed.opened(event);
        for (Projection projection : projections) {
            projection.apply(opened);
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
