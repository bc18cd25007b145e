package org.chorus.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/** Every event type has a golden sample: the JSON on the wire is the contract, not the Java class. */
class GoldenEventsTest {
    static final UUID STATEMENT = UUID.fromString("5d2b7c1e-0a3f-4c55-9e1b-2f6f1c0d9a11");
    static final UUID SIGNATURE = UUID.fromString("9b7e3f42-6c1d-4e8a-b0f5-3a2d1c4e5f60");
    static final UUID REQUEST = UUID.fromString("c1a2b3d4-e5f6-4789-9abc-def012345678");
    static final UUID RELEASE = UUID.fromString("0f1e2d3c-4b5a-4968-8776-655443322110");
    static final Instant TIME = Instant.parse("2025-02-10T09:00:00Z");
    static final String HASH = "3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea";

    static final Map<EventType<?>, Envelope<?>> SAMPLES = samples();

    private static Map<EventType<?>, Envelope<?>> samples() {
        Map<EventType<?>, Envelope<?>> samples = new LinkedHashMap<>();
        samples.put(
                EventTypes.STATEMENT_OPENED,
                envelope(
                        EventTypes.STATEMENT_OPENED,
                        "/statements",
                        STATEMENT,
                        new StatementOpened(
                                STATEMENT,
                                "Joint civil society statement on the fifth anniversary of the “Xiamen gathering” crackdown",
                                "en",
                                1,
                                "We urge the Chinese government to:\n\n  1. Immediately and unconditionally release …",
                                HASH)));
        samples.put(
                EventTypes.SIGNATURE_SUBMITTED,
                envelope(
                        EventTypes.SIGNATURE_SUBMITTED,
                        "/signatures",
                        STATEMENT,
                        new SignatureSubmitted(
                                SIGNATURE,
                                STATEMENT,
                                SignatoryKind.ORGANISATION,
                                "International Federation for Human Rights (FIDH)",
                                null,
                                "within the framework of the Observatory for the Protection of Human Rights Defenders")));
        samples.put(
                EventTypes.SIGNATURE_CONFIRMED,
                envelope(
                        EventTypes.SIGNATURE_CONFIRMED,
                        "/signatures",
                        STATEMENT,
                        new SignatureConfirmed(
                                SIGNATURE,
                                STATEMENT,
                                SignatoryKind.ORGANISATION,
                                "Lawyers for Lawyers",
                                "NL",
                                null,
                                1,
                                HASH,
                                TIME)));
        samples.put(
                EventTypes.MAIL_REQUESTED,
                envelope(
                        EventTypes.MAIL_REQUESTED,
                        "/signatures",
                        STATEMENT,
                        new MailRequested(
                                REQUEST,
                                "signature-confirmation",
                                "en",
                                "contact@example.org",
                                "Lawyers for Lawyers",
                                Map.of("confirmUrl", "http://localhost:8082/confirm/abc"))));
        samples.put(
                EventTypes.MAIL_DELIVERED,
                envelope(
                        EventTypes.MAIL_DELIVERED,
                        "/distribution",
                        STATEMENT,
                        new MailDelivered(REQUEST, "signature-confirmation", "<c1a2b3d4@chorus.local>")));
        samples.put(
                EventTypes.MAIL_FAILED,
                envelope(
                        EventTypes.MAIL_FAILED,
                        "/distribution",
                        STATEMENT,
                        new MailFailed(REQUEST, "signature-confirmation", "550 mailbox unavailable", true)));
        samples.put(
                EventTypes.RELEASE_PUBLISHED,
                envelope(
                        EventTypes.RELEASE_PUBLISHED,
                        "/distribution",
                        STATEMENT,
                        new ReleasePublished(RELEASE, STATEMENT, HASH, 34, 3)));
        return samples;
    }

    private static <T> Envelope<T> envelope(EventType<T> type, String source, UUID subject, T data) {
        return new Envelope<>(
                "1.0",
                UUID.nameUUIDFromBytes(type.name().getBytes(StandardCharsets.UTF_8)),
                type.name(),
                source,
                subject.toString(),
                TIME,
                "application/json",
                data);
    }

    static Stream<EventType<?>> allTypes() {
        return EventTypes.ALL.stream();
    }

    @Test
    void everyEventTypeHasASample() {
        assertThat(SAMPLES.keySet()).containsExactlyInAnyOrderElementsOf(EventTypes.ALL);
    }

    @ParameterizedTest
    @MethodSource("allTypes")
    void goldenJsonReadsIntoTheRecord(EventType<?> type) throws IOException {
        assertThat(EventCodec.read(golden(type))).isEqualTo(SAMPLES.get(type));
    }

    @ParameterizedTest
    @MethodSource("allTypes")
    void recordWritesTheGoldenJson(EventType<?> type) throws IOException {
        JsonMapper mapper = JsonMapper.builder().build();
        assertThat(mapper.readTree(EventCodec.write(SAMPLES.get(type)))).isEqualTo(mapper.readTree(golden(type)));
    }

    @ParameterizedTest
    @MethodSource("allTypes")
    void typeNamesFollowTheConvention(EventType<?> type) {
        assertThat(type.name()).matches("chorus\\.[a-z-]+\\.[a-z-]+\\.v[0-9]+");
    }

    @Test
    void unknownTypesAreReadWithRawDataSoOldConsumersCanSkipThem() {
        Envelope<?> envelope = EventCodec.read("""
                {"specversion":"1.0","id":"%s","type":"chorus.statement.renamed.v1","source":"/statements",
                 "subject":"%s","time":"2025-02-10T09:00:00Z","data":{"title":"New"}}""".formatted(REQUEST, STATEMENT));
        assertThat(envelope.type()).isEqualTo("chorus.statement.renamed.v1");
        assertThat(envelope.data()).isNotInstanceOf(StatementOpened.class);
    }

    @Test
    void garbageIsAMalformedEvent() {
        assertThatThrownBy(() -> EventCodec.read("not json")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> EventCodec.read("[1,2]")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> EventCodec.read("{\"type\":\"chorus.statement.opened.v1\"}"))
                .isInstanceOf(MalformedEventException.class);
    }

    private static String golden(EventType<?> type) throws IOException {
        try (InputStream in = GoldenEventsTest.class.getResourceAsStream("/golden/" + type.name() + ".json")) {
            assertThat(in).as("golden sample for %s", type.name()).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
