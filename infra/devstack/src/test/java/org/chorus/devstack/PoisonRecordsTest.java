package org.chorus.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.chorus.events.Envelope;
import org.chorus.events.EventTypes;
import org.chorus.events.MailRequested;
import org.chorus.events.SignatoryKind;
import org.chorus.events.SignatureConfirmed;
import org.chorus.events.Topics;
import org.chorus.platform.sealing.DevelopmentKeys;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.RealInfrastructure;
import org.chorus.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

/**
 * A record no service can read, on every topic of the platform: each consumer sets it aside in {@code <topic>.dlt},
 * counts it, and goes on with the next record of the same partition (same key), which users then see the effect of.
 */
class PoisonRecordsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void aPoisonRecordOnEveryTopicIsSetAsideAndTheNextRecordStillArrives() {
        Platform platform = TestPlatform.get();
        var drafted = TestPlatform.statements()
                .postJson(
                        "/api/statements",
                        Map.of(
                                "title",
                                "After the poison",
                                "body",
                                "We ask for the release of all.",
                                "language",
                                "en"));
        assertThat(drafted.status()).isEqualTo(201);
        UUID statement = UUID.fromString(drafted.json().get("id").asString());
        String key = statement.toString();
        Map<String, String> poisons = new java.util.LinkedHashMap<>();
        for (String topic : Topics.ALL) {
            String poison = "{\"poison\": \"" + UUID.randomUUID() + "\", \"on\": \"" + topic + "\"";
            poisons.put(topic, poison);
            TopicReader.send(topic, key, poison);
        }

        // the records after each poison, on the same partitions (records are keyed by statement)
        assertThat(TestPlatform.statements()
                        .postJson("/api/statements/" + statement + "/open", "")
                        .status())
                .isEqualTo(200);
        TopicReader.send(
                Topics.SIGNATURES,
                key,
                Envelope.of(
                        EventTypes.SIGNATURE_CONFIRMED,
                        "/signatures",
                        statement,
                        Instant.now(),
                        new SignatureConfirmed(
                                UUID.randomUUID(),
                                statement,
                                SignatoryKind.ORGANISATION,
                                "Coalition after the poison",
                                "CH",
                                null,
                                1,
                                "e".repeat(64),
                                Instant.now())));
        UUID request = UUID.randomUUID();
        String subject = "poison-check-" + request;
        TopicReader.send(
                Topics.MAIL_REQUESTS,
                key,
                Envelope.of(
                        EventTypes.MAIL_REQUESTED_V2,
                        "/signatures",
                        statement,
                        Instant.now(),
                        DevelopmentKeys.mailSealer()
                                .seal(
                                        statement,
                                        new MailRequested(
                                                request,
                                                "signature-confirmation",
                                                "en",
                                                "after-poison@coalition.example",
                                                "After the poison",
                                                Map.of(
                                                        "statementTitle", subject,
                                                        "signerName", "After the poison",
                                                        "confirmUrl", "http://localhost/confirm/x",
                                                        "manageUrl", "http://localhost/manage/x")))));

        for (Map.Entry<String, String> poison : poisons.entrySet()) {
            assertThat(TopicReader.awaitValues(Topics.deadLetter(poison.getKey()), poison.getValue()::equals, PATIENCE))
                    .as("dead letters of %s", poison.getKey())
                    .isNotEmpty();
        }
        Eventually.await(PATIENCE, () -> {
            var counts = TestPlatform.tracking().get("/api/statements/" + statement + "/counts");
            assertThat(counts.status()).as("tracking counts").isEqualTo(200);
            assertThat(counts.json().get("confirmed").asLong()).isEqualTo(1);
            assertThat(counts.json().get("title").asString()).isEqualTo("After the poison");
        });
        Eventually.await(
                PATIENCE,
                () -> assertThat(Arrays.stream(RealInfrastructure.get().mail().getReceivedMessages())
                                .anyMatch(message -> subjectContains(message, subject)))
                        .as("mail requested after the poison was sent")
                        .isTrue());
        Eventually.await(
                PATIENCE,
                () -> assertThat(TestPlatform.signatures()
                                .get("/sign/" + statement)
                                .status())
                        .as("signatures opened the statement after the poison")
                        .isEqualTo(200));
        Map<Integer, String> consumed = Map.of(
                platform.ports().signatures(), Topics.STATEMENTS,
                platform.ports().tracking(), Topics.SIGNATURES,
                platform.ports().distribution(), Topics.MAIL_REQUESTS);
        consumed.forEach((port, topic) -> Eventually.await(
                PATIENCE,
                () -> assertThat(TestPlatform.anonymous(platform.managementPort(port))
                                .get("/actuator/prometheus")
                                .body()
                                .lines())
                        .as("dead-letter counter on port %d", port)
                        .anyMatch(line -> line.startsWith("chorus_kafka_dead_letters_total{")
                                && line.contains("topic=\"" + topic + "\""))));
    }

    private static boolean subjectContains(MimeMessage message, String text) {
        try {
            return message.getSubject() != null && message.getSubject().contains(text);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
