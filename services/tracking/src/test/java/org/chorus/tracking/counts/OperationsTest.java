package org.chorus.tracking.counts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.chorus.events.SignatoryKind;
import org.chorus.events.Topics;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/** What an operator watches: poison records set aside without stopping or doubling the counts, and health. */
@ChorusServiceTest
class OperationsTest {

    @LocalServerPort
    int port;

    /** Health and metrics answer on the management port, not the public one. */
    @LocalManagementPort
    int managementPort;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    Http http;

    @BeforeEach
    void client() {
        http = new Http("http://localhost:" + port);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextConfirmationStillCounts() {
        UUID statementId = UUID.randomUUID();
        String poison = "not json " + statementId;
        TopicReader.send(Topics.SIGNATURES, statementId.toString(), poison);
        SignOnCountsTest.confirm(statementId, SignatoryKind.INDIVIDUAL, "CL");

        awaitDeadLettered(poison);
        awaitConfirmed(statementId, 1);
        Eventually.await(
                SignOnCountsTest.PATIENCE,
                () -> assertThat(new Http("http://localhost:" + managementPort)
                                .get("/actuator/prometheus")
                                .body()
                                .lines())
                        .anyMatch(line -> line.startsWith("chorus_kafka_dead_letters_total{")
                                && line.contains("topic=\"chorus.signatures\"")));
    }

    @Test
    void aPoisonRecordInTheMiddleOfAPollIsSetAsideAndTheConfirmationsAroundItCountOnce() {
        UUID statementId = UUID.randomUUID();
        String poison = "not json either " + statementId;
        inOnePoll(() -> {
            SignOnCountsTest.confirm(statementId, SignatoryKind.ORGANISATION, "CL");
            TopicReader.send(Topics.SIGNATURES, statementId.toString(), poison);
            SignOnCountsTest.confirm(statementId, SignatoryKind.INDIVIDUAL, "AR");
        });

        awaitDeadLettered(poison);
        awaitConfirmed(statementId, 2);
        assertThat(new Http("http://localhost:" + managementPort)
                        .get("/actuator/prometheus")
                        .body()
                        .lines())
                .as("the poll that went one event per transaction is counted")
                .anyMatch(line -> line.startsWith("chorus_tracking_poll_fallbacks_total") && !line.endsWith(" 0.0"));
    }

    @Test
    void aConfirmationPublishedTwiceInOnePollCountsOnce() {
        UUID statementId = UUID.randomUUID();
        var confirmation = SignOnCountsTest.confirmation(statementId, SignatoryKind.ORGANISATION, "PE");
        inOnePoll(() -> {
            TopicReader.send(Topics.SIGNATURES, statementId.toString(), confirmation);
            TopicReader.send(Topics.SIGNATURES, statementId.toString(), confirmation);
            SignOnCountsTest.confirm(statementId, SignatoryKind.INDIVIDUAL, "PE");
        });

        awaitConfirmed(statementId, 2);
    }

    @Test
    void everyListenerCommitsItsOffsetsWithoutWaitingForTheBroker() {
        assertThat(listeners.getListenerContainers())
                .isNotEmpty()
                .allSatisfy(container -> assertThat(
                                container.getContainerProperties().isSyncCommits())
                        .isFalse());
    }

    private static void awaitDeadLettered(String poison) {
        assertThat(TopicReader.awaitValues(
                        Topics.deadLetter(Topics.SIGNATURES), poison::equals, SignOnCountsTest.PATIENCE))
                .containsExactly(poison);
    }

    private void awaitConfirmed(UUID statementId, long confirmed) {
        Eventually.await(SignOnCountsTest.PATIENCE, () -> {
            var counts = http.get("/api/statements/" + statementId + "/counts");
            assertThat(counts.status()).isEqualTo(200);
            assertThat(counts.json().get("confirmed").asLong()).isEqualTo(confirmed);
        });
    }

    /** Holds tracking's signatures listener while the records are written, so that it reads them in one poll. */
    private void inOnePoll(Runnable writes) {
        MessageListenerContainer signatures = listeners.getListenerContainer("tracking-signatures");
        signatures.pause();
        try {
            Eventually.await(
                    SignOnCountsTest.PATIENCE,
                    () -> assertThat(signatures.isContainerPaused()).isTrue());
            writes.run();
        } finally {
            signatures.resume();
        }
    }

    @Test
    void healthIsUp() {
        var health = new Http("http://localhost:" + managementPort).get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
    }
}
