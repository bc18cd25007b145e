package org.chorus.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * CloudEvents 1.0 attributes around an event's data. {@code id} is the idempotency key, {@code subject} the
 * statement the event is about (or the mail request for mail events), {@code data} one of the event records.
 */
public record Envelope<T>(
        String specversion,
        UUID id,
        String type,
        String source,
        String subject,
        Instant time,
        String datacontenttype,
        T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    public Envelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
    }

    public static <T> Envelope<T> of(EventType<T> type, String source, Object subject, Instant time, T data) {
        return new Envelope<>(
                SPEC_VERSION,
                UUID.randomUUID(),
                type.name(),
                source,
                subject == null ? null : subject.toString(),
                time,
                CONTENT_TYPE,
                data);
    }
}
