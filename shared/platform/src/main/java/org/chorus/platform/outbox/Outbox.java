package org.chorus.platform.outbox;

import java.time.Clock;
import org.chorus.events.Envelope;
import org.chorus.events.EventCodec;
import org.chorus.events.EventType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records an event in the caller's transaction. It reaches Kafka only if that transaction commits, and then as soon
 * as the relay wakes.
 */
@Component
public class Outbox {
    private final JdbcClient jdbc;
    private final OutboxRelay relay;
    private final Clock clock;
    private final String source;

    Outbox(JdbcClient jdbc, OutboxRelay relay, Clock clock, @Value("${spring.application.name}") String service) {
        this.jdbc = jdbc;
        this.relay = relay;
        this.clock = clock;
        this.source = "/" + service;
    }

    /**
     * @param subject the statement the event is about (CloudEvents {@code subject})
     * @param key the Kafka record key: the statement id, or the request id for mail
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public <T> Envelope<T> append(EventType<T> type, Object subject, Object key, T data) {
        Envelope<T> envelope = Envelope.of(type, source, subject, clock.instant(), data);
        jdbc.sql("insert into outbox (event_id, topic, record_key, payload) values (?, ?, ?, ?)")
                .params(envelope.id(), type.topic(), key.toString(), EventCodec.write(envelope))
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.wake();
            }
        });
        return envelope;
    }
}
