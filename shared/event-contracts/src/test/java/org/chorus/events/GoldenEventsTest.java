package org.chorus.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON on the wire is the contract: every event type has a golden sample in {@code golden/<type>.json} that shows
 * every field, reads into its record and writes back unchanged.
 */
class GoldenEventsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<EventType<?>> allTypes() {
        return EventTypes.ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("allTypes")
    void goldenJsonReadsIntoTheRecordWithEveryFieldPresent(EventType<?> type) throws Exception {
        Envelope<?> envelope = EventCodec.read(golden(type));
        assertThat(envelope.type()).isEqualTo(type.name());
        assertThat(envelope.data()).isInstanceOf(type.dataClass());
        for (RecordComponent component : type.dataClass().getRecordComponents()) {
            assertThat(component.getAccessor().invoke(envelope.data()))
                    .as("%s.%s in the golden sample", type.name(), component.getName())
                    .isNotNull();
        }
    }

    @ParameterizedTest
    @MethodSource("allTypes")
    void recordWritesTheGoldenJsonBack(EventType<?> type) throws IOException {
        String golden = golden(type);
        assertThat(JSON.readTree(EventCodec.write(EventCodec.read(golden)))).isEqualTo(JSON.readTree(golden));
    }

    @ParameterizedTest
    @MethodSource("allTypes")
    void typeNamesFollowTheConvention(EventType<?> type) {
        assertThat(type.name()).matches("chorus\\.[a-z-]+\\.[a-z-]+\\.v[0-9]+");
        assertThat(Topics.ALL).contains(type.topic());
    }

    @Test
    void everyTypeNameIsUnique() {
        assertThat(EventTypes.ALL).extracting(EventType::name).doesNotHaveDuplicates();
        assertThat(EventTypes.ALL).hasSizeGreaterThanOrEqualTo(30);
    }

    @Test
    void aVersionOneConfirmationWithoutTheLaterOptionalFieldsStillReads() {
        String json = """
                {"specversion":"1.0","id":"c1a2b3d4-e5f6-4789-9abc-def012345678","type":"chorus.signature.confirmed.v1",
                 "source":"/signatures","subject":"5d2b7c1e-0a3f-4c55-9e1b-2f6f1c0d9a11","time":"2025-02-10T09:00:00Z",
                 "data":{"signatureId":"9b7e3f42-6c1d-4e8a-b0f5-3a2d1c4e5f60","statementId":"5d2b7c1e-0a3f-4c55-9e1b-2f6f1c0d9a11",
                         "kind":"ORGANISATION","name":"Lawyers for Lawyers","country":"NL","revision":1,
                         "revisionHash":"3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea",
                         "confirmedAt":"2025-02-10T09:00:00Z"}}""";
        var confirmed = (SignatureConfirmed) EventCodec.read(json).data();
        assertThat(confirmed.visibility()).isNull();
        assertThat(confirmed.qualifier()).isNull();
        assertThat(EventCodec.write(EventCodec.read(json))).doesNotContain("visibility", "qualifier");
    }

    @Test
    void aWithheldConfirmationV2NamesNobodyAndReadsAsAV1ConfirmationWithoutAName() {
        String json = """
                {"specversion":"1.0","id":"c1a2b3d4-e5f6-4789-9abc-def012345678","type":"chorus.signature.confirmed.v2",
                 "source":"/signatures","subject":"5d2b7c1e-0a3f-4c55-9e1b-2f6f1c0d9a11","time":"2025-02-10T09:00:00Z",
                 "data":{"signatureId":"9b7e3f42-6c1d-4e8a-b0f5-3a2d1c4e5f60","statementId":"5d2b7c1e-0a3f-4c55-9e1b-2f6f1c0d9a11",
                         "kind":"INDIVIDUAL","revision":1,
                         "revisionHash":"3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea",
                         "confirmedAt":"2025-02-10T09:00:00Z","visibility":"WITHHELD"}}""";
        var sealed = (SealedSignatureConfirmed) EventCodec.read(json).data();
        assertThat(sealed.identity()).isNull();
        assertThat(sealed.keyId()).isNull();
        SignatureConfirmed opened = sealed.opened(null);
        assertThat(opened.name()).isNull();
        assertThat(opened.visibility()).isEqualTo(Visibility.WITHHELD);
        assertThat(opened.signatureId()).isEqualTo(sealed.signatureId());
        assertThat(EventCodec.write(EventCodec.read(json))).doesNotContain("identity", "keyId", "name", "country");
    }

    @Test
    void unknownTypesAreReadWithRawDataSoOldConsumersCanSkipThem() {
        Envelope<?> envelope = EventCodec.read("""
                {"specversion":"1.0","id":"%s","type":"chorus.statement.renamed.v1","source":"/statements",
                 "subject":"%s","time":"2025-02-10T09:00:00Z","data":{"title":"New"}}""".formatted(UUID.randomUUID(), UUID.randomUUID()));
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
