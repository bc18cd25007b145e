package org.chorus.platform.inbox;

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
}
