package org.chorus.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and reads envelopes as JSON. Absent (null) fields are left out, so optional fields added to a v1 record do
 * not change what older producers' events look like. Unknown event types are read with their data left as a {@link JsonNode}, so a
 * consumer can skip types added after it was built.
 */
public final class EventCodec {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    public static String write(Envelope<?> envelope) {
        return MAPPER.writeValueAsString(envelope);
    }

    public static Envelope<?> read(String json) {
        try {
            JsonNode tree = MAPPER.readTree(json);
            if (tree == null || !tree.isObject()) {
                throw new MalformedEventException("not a JSON object", null);
            }
            Envelope<?> raw = MAPPER.treeToValue(tree, Envelope.class);
            JsonNode data = tree.get("data");
            Object typed = EventTypes.byName(raw.type())
                    .<Object>map(type -> MAPPER.treeToValue(data, type.dataClass()))
                    .orElse(data);
            return new Envelope<>(
                    raw.specversion(),
                    raw.id(),
                    raw.type(),
                    raw.source(),
                    raw.subject(),
                    raw.time(),
                    raw.datacontenttype(),
                    typed);
        } catch (JacksonException | NullPointerException | IllegalArgumentException e) {
            throw new MalformedEventException("unreadable event: " + e.getMessage(), e);
        }
    }

    /** A record as JSON bytes, written like event data (absent fields left out): what gets sealed inside an event. */
    public static byte[] writeValue(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    public static <T> T readValue(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new MalformedEventException("unreadable value: " + e.getMessage(), e);
        }
    }

    private EventCodec() {}
}
