package org.chorus.tracking.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chorus.tracking.TrackingEvents.PATIENCE;

import java.time.Instant;
import java.util.UUID;
import org.chorus.events.Envelope;
import org.chorus.events.EventTypes;
import org.chorus.events.SignatoryKind;
import org.chorus.events.SignatureConfirmed;
import org.chorus.events.Topics;
import org.chorus.events.Visibility;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.TopicReader;
import org.chorus.tracking.TrackingEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An operator rebuilds the read models from the topics and gets the same tables as the live ones. */
@ChorusServiceTest
class RebuildTest {

    @LocalServerPort
    int port;

    /** Health and metrics answer on the management port, not the public one. */
    @LocalManagementPort
    int managementPort;

    @Autowired
    JdbcClient jdbc;

    Http http;
    UUID statement = UUID.randomUUID();

    @BeforeEach
    void client() {
        http = new Http("http://localhost:" + port);
    }

    @Test
    void aRebuildAfterAMixedHistoryEqualsTheLiveProjection() {
        Instant now = Instant.now();
        // out of order: a schedule and a delivery report before anything else, a withdrawal before its confirmation
        TrackingEvents.schedule(statement, now.plusSeconds(86_400 * 20L), 3);
        UUID invitation = UUID.randomUUID();
        UUID request = UUID.randomUUID();
        TrackingEvents.mailDelivered(statement, request);
        TrackingEvents.open(statement, "Rebuilt statement", "ar");
        UUID early = UUID.randomUUID();
        TrackingEvents.withdraw(statement, early);
        TrackingEvents.send(
                EventTypes.SIGNATURE_CONFIRMED,
                statement,
                new SignatureConfirmed(
                        early,
                        statement,
                        SignatoryKind.INDIVIDUAL,
                        "Early",
                        "TN",
                        null,
                        1,
                        TrackingEvents.HASH_1,
                        now));
        // invitations and their answers
        TrackingEvents.send(
                EventTypes.INVITATION_CREATED,
                statement,
                new org.chorus.events.InvitationCreated(invitation, statement, 1, "Cairo Institute", "EG", "ar"));
        TrackingEvents.send(
                EventTypes.INVITATION_SENT,
                statement,
                new org.chorus.events.InvitationSent(invitation, statement, request));
        TrackingEvents.linkOpened(statement, invitation);
        TrackingEvents.confirm(statement, SignatoryKind.ORGANISATION, "EG", Visibility.PUBLIC, invitation, 1, now);
        // confirmations, a withheld one, rejections, a merge, a duplicate delivery and a poison record
        UUID kept = TrackingEvents.confirm(statement, SignatoryKind.ORGANISATION, "JO");
        UUID rejected = TrackingEvents.confirm(statement, SignatoryKind.ORGANISATION, "JO");
        UUID merged = TrackingEvents.confirm(statement, SignatoryKind.ORGANISATION, "JO");
        TrackingEvents.confirm(statement, SignatoryKind.INDIVIDUAL, "SY", Visibility.WITHHELD, null, null, now);
        TrackingEvents.reject(statement, rejected);
        TrackingEvents.merge(statement, merged, kept);
        Envelope<?> duplicate = TrackingEvents.send(
                EventTypes.SIGNATURE_WITHDRAWN, statement, new org.chorus.events.SignatureWithdrawn(kept, statement));
        TopicReader.send(Topics.SIGNATURES, statement.toString(), duplicate);
        TopicReader.send(Topics.SIGNATURES, statement.toString(), "{\"broken\": " + statement);
        TrackingEvents.requestReconsent(statement, 2, now.plusSeconds(86_400));
        UUID last = TrackingEvents.confirm(statement, SignatoryKind.INDIVIDUAL, "LB");
        TrackingEvents.reconfirm(statement, last, 2);

        Eventually.await(PATIENCE, () -> {
            JsonNode counts =
                    http.get("/api/statements/" + statement + "/counts").json();
            assertThat(counts.at("/reconsent/confirmedRevision").asLong()).isEqualTo(1);
            assertThat(counts.get("confirmed").asLong()).isEqualTo(3);
        });

        var response = http.postJson("/api/admin/rebuild", "");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.get("caughtUp").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("equal").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("eventsApplied").asLong()).isGreaterThanOrEqualTo(20);
        assertThat(report.get("eventsSkipped").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(report.get("differences").get("signature").asLong()).isZero();
        assertThat(jdbc.sql("select count(*) from tracking_rebuild.signature where statement_id = ?")
                        .param(statement)
                        .query(Long.class)
                        .single())
                .isEqualTo(7);
    }

    @Test
    void aSwappedRebuildReplacesDriftedLiveTablesAndTheConsumersCarryOnWithoutCountingTwice() {
        Instant now = Instant.now();
        TrackingEvents.open(statement, "Swapped statement", "fr");
        Envelope<?> confirmation = TrackingEvents.send(
                EventTypes.SIGNATURE_CONFIRMED,
                statement,
                new SignatureConfirmed(
                        UUID.randomUUID(),
                        statement,
                        SignatoryKind.INDIVIDUAL,
                        "Awa",
                        "SN",
                        null,
                        1,
                        TrackingEvents.HASH_1,
                        now));
        TrackingEvents.confirm(statement, SignatoryKind.ORGANISATION, "CI");
        UUID withdrawn = TrackingEvents.confirm(statement, SignatoryKind.INDIVIDUAL, "ML");
        TrackingEvents.withdraw(statement, withdrawn);
        awaitCounts(counts -> {
            assertThat(counts.get("confirmed").asLong()).isEqualTo(2);
            assertThat(counts.at("/removed/WITHDRAWN").asLong()).isEqualTo(1);
        });
        // a projection bug left a row in the live tables that no event explains
        jdbc.sql("""
                        insert into signature (signature_id, statement_id, kind, country, revision, revision_hash,
                                               confirmed_at)
                        values (?, ?, 'ORGANISATION', 'FR', 1, ?, now())""")
                .params(UUID.randomUUID(), statement, TrackingEvents.HASH_1)
                .update();
        assertThat(counts().get("confirmed").asLong()).isEqualTo(3);

        var response = http.postJson("/api/admin/rebuild?swap=true", "");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.get("caughtUp").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("equal").asBoolean()).as(report.toString()).isFalse();
        assertThat(report.at("/differences/signature").asLong())
                .as(report.toString())
                .isEqualTo(1);
        assertThat(report.get("swapped").asBoolean()).as(report.toString()).isTrue();

        // the counts answer from the rebuilt tables at once
        JsonNode rebuilt = counts();
        assertThat(rebuilt.get("confirmed").asLong()).isEqualTo(2);
        assertThat(rebuilt.get("byCountry")).isEqualTo(json("{\"SN\": 1, \"CI\": 1}"));
        // the consumers carry on: an event applied before the swap comes again and changes nothing, a new one counts
        TopicReader.send(Topics.SIGNATURES, statement.toString(), confirmation);
        TrackingEvents.confirm(statement, SignatoryKind.INDIVIDUAL, "GH");
        JsonNode after = awaitCounts(
                counts -> assertThat(counts.get("confirmed").asLong()).isEqualTo(3));
        assertThat(after.get("byCountry")).isEqualTo(json("{\"SN\": 1, \"CI\": 1, \"GH\": 1}"));

        // a later rebuild without a swap finds the swapped-in tables equal to the topics
        var again = http.postJson("/api/admin/rebuild", "").json();
        assertThat(again.get("equal").asBoolean()).as(again.toString()).isTrue();
        assertThat(again.get("swapped").asBoolean()).isFalse();
    }

    private JsonNode counts() {
        var response = http.get("/api/statements/" + statement + "/counts");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private JsonNode awaitCounts(java.util.function.Consumer<JsonNode> assertion) {
        return Eventually.await(PATIENCE, () -> {
            JsonNode counts = counts();
            assertion.accept(counts);
            return counts;
        });
    }

    private static JsonNode json(String text) {
        return JsonMapper.builder().build().readTree(text);
    }

    @Test
    void aRebuildWithAnImpossibleTimeoutIsABadRequest() {
        var response = http.postJson("/api/admin/rebuild?timeoutSeconds=0", "");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void consumerLagIsVisibleInMetrics() {
        // the consumer-wide maximum is there from the start; Micrometer adds the per-partition gauges
        // (kafka_consumer_fetch_manager_records_lag{topic,partition}) when it next scans the client, within a minute
        Eventually.await(
                PATIENCE,
                () -> assertThat(new Http("http://localhost:" + managementPort)
                                .get("/actuator/prometheus")
                                .body()
                                .lines())
                        .anyMatch(line -> line.startsWith("kafka_consumer_fetch_manager_records_lag_max")));
    }
}
