package org.chorus.platform.inbox;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Makes consumers idempotent: an event id is recorded in the same transaction as the effect it caused. */
@Component
public class Inbox {
    private final JdbcClient jdbc;

    Inbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True the first time this event is seen; false on every redelivery. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstDelivery(UUID eventId) {
        return jdbc.sql("insert into processed_event (event_id) values (?) on conflict do nothing")
                        .param(eventId)
                        .update()
                == 1;
    }

    /**
     * Records a poll's event ids in one statement; returns those seen for the first time (an id twice in the list is
     * returned once).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Set<UUID> firstDeliveries(List<UUID> eventIds) {
        return new HashSet<>(jdbc.sql("""
                        insert into processed_event (event_id) select unnest(?::uuid[])
                        on conflict do nothing returning event_id""")
                .param(eventIds.toArray(UUID[]::new))
                .query((row, number) -> row.getObject(1, UUID.class))
                .list());
    }
}
