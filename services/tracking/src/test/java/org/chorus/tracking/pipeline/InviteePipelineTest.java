package org.chorus.tracking.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chorus.tracking.TrackingEvents.PATIENCE;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import org.chorus.events.EventTypes;
import org.chorus.events.InvitationCreated;
import org.chorus.events.SignatoryKind;
import org.chorus.events.SignatureConfirmed;
import org.chorus.events.SignatureCorrected;
import org.chorus.events.Visibility;
import org.chorus.platform.sealing.DevelopmentKeys;
import org.chorus.platform.sealing.SignatorySealer;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.tracking.TrackingEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** "Who has not signed yet?": invitees from invitation to answer, per wave and per organisation. */
@ChorusServiceTest
class InviteePipelineTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http http;
    UUID statement = UUID.randomUUID();

    @BeforeEach
    void client() {
        http = new Http("http://localhost:" + port);
    }

    @Test
    void inviteesMoveFromInvitationToAnAnswer() {
        UUID signs = TrackingEvents.invite(statement, 1, "Lawyers for Lawyers", "NL", "en");
        UUID declines = TrackingEvents.invite(statement, 1, "PEN Norway", "NO", "en");
        UUID bounces = TrackingEvents.invite(statement, 2, "Front Line Defenders", "IE", "fr");
        UUID silent = TrackingEvents.invite(statement, 2, "Article 19", "GB", "ar");
        UUID signsRequest = TrackingEvents.invitationSent(statement, signs);
        UUID declinesRequest = TrackingEvents.invitationSent(statement, declines);
        UUID bouncesRequest = TrackingEvents.invitationSent(statement, bounces);
        UUID silentRequest = TrackingEvents.invitationSent(statement, silent);
        TrackingEvents.mailDelivered(statement, signsRequest);
        TrackingEvents.mailDelivered(statement, declinesRequest);
        TrackingEvents.mailDelivered(statement, silentRequest);
        TrackingEvents.mailBounced(statement, bouncesRequest);
        TrackingEvents.linkOpened(statement, signs);
        TrackingEvents.linkOpened(statement, declines);
        TrackingEvents.declined(statement, declines);
        TrackingEvents.confirm(statement, SignatoryKind.ORGANISATION, "NL", Visibility.PUBLIC, signs, 1, Instant.now());

        JsonNode pipeline = awaitPipeline(body -> {
            assertThat(body.at("/total/signed").asLong()).isEqualTo(1);
            assertThat(body.at("/total/declined").asLong()).isEqualTo(1);
            assertThat(body.at("/total/bounced").asLong()).isEqualTo(1);
            assertThat(body.at("/total/delivered").asLong()).isEqualTo(3);
        });
        assertThat(pipeline.get("total"))
                .isEqualTo(json("{\"invited\": 4, \"sent\": 4, \"delivered\": 3, \"opened\": 2, \"signed\": 1,"
                        + " \"declined\": 1, \"bounced\": 1, \"unsubscribed\": 0, \"noAnswer\": 1}"));
        assertThat(pipeline.at("/byWave/1"))
                .isEqualTo(json("{\"invited\": 2, \"sent\": 2, \"delivered\": 2, \"opened\": 2, \"signed\": 1,"
                        + " \"declined\": 1, \"bounced\": 0, \"unsubscribed\": 0, \"noAnswer\": 0}"));
        assertThat(pipeline.at("/byWave/2"))
                .isEqualTo(json("{\"invited\": 2, \"sent\": 2, \"delivered\": 1, \"opened\": 0, \"signed\": 0,"
                        + " \"declined\": 0, \"bounced\": 1, \"unsubscribed\": 0, \"noAnswer\": 1}"));
        assertThat(stageOf(pipeline, "Lawyers for Lawyers")).isEqualTo("SIGNED");
        assertThat(stageOf(pipeline, "PEN Norway")).isEqualTo("DECLINED");
        assertThat(stageOf(pipeline, "Front Line Defenders")).isEqualTo("BOUNCED");
        assertThat(stageOf(pipeline, "Article 19")).isEqualTo("DELIVERED");
    }

    @Test
    void stepsArrivingOutOfOrderAcrossTopicsStillLandOnTheirInvitee() {
        UUID invitation = UUID.randomUUID();
        UUID request = UUID.randomUUID();
        // distribution reports delivery before tracking sees which invitation the mail carried,
        TrackingEvents.mailDelivered(statement, request);
        // the link is followed before the invitation's creation event is seen,
        TrackingEvents.linkOpened(statement, invitation);
        TrackingEvents.send(
                org.chorus.events.EventTypes.INVITATION_SENT,
                statement,
                new org.chorus.events.InvitationSent(invitation, statement, request));

        JsonNode early = awaitPipeline(
                body -> assertThat(body.at("/total/opened").asLong()).isEqualTo(1));
        assertThat(early.at("/invitees/0/organisation").isNull()).isTrue();
        assertThat(early.at("/invitees/0/stage").asString()).isEqualTo("OPENED");

        TrackingEvents.send(
                org.chorus.events.EventTypes.INVITATION_CREATED,
                statement,
                new org.chorus.events.InvitationCreated(invitation, statement, 3, "Human Rights Watch", "US", "es"));
        JsonNode late = awaitPipeline(body ->
                assertThat(body.at("/invitees/0/organisation").asString()).isEqualTo("Human Rights Watch"));
        assertThat(late.at("/invitees/0/wave").asInt()).isEqualTo(3);
        assertThat(late.at("/invitees/0/language").asString()).isEqualTo("es");
        assertThat(late.get("total"))
                .isEqualTo(json("{\"invited\": 1, \"sent\": 1, \"delivered\": 1, \"opened\": 1, \"signed\": 0,"
                        + " \"declined\": 0, \"bounced\": 0, \"unsubscribed\": 0, \"noAnswer\": 1}"));
    }

    @Test
    void sealedInviteesAreShownButOneWhoSignsWithheldOrTurnsWithheldLeavesNoNameInTrackingsTables() {
        SignatorySealer sealer = DevelopmentKeys.signatorySealer();
        UUID visible = sealedInvite(sealer, "Visible Lawyers Guild", "KE");
        UUID quiet = sealedInvite(sealer, "Quiet Union Of Defenders", "BY");
        UUID turns = sealedInvite(sealer, "Second Thoughts Collective", "TW");
        sealedConfirm(sealer, visible, Visibility.PUBLIC, "KE");
        sealedConfirm(sealer, quiet, Visibility.WITHHELD, null);
        UUID turning = sealedConfirm(sealer, turns, Visibility.PUBLIC, "TW");
        JsonNode before = awaitPipeline(
                body -> assertThat(body.at("/total/signed").asLong()).isEqualTo(3));
        assertThat(stageOf(before, "Visible Lawyers Guild")).isEqualTo("SIGNED");
        assertThat(stageOf(before, "Second Thoughts Collective")).isEqualTo("SIGNED");
        assertThat(before.toString()).doesNotContain("Quiet Union Of Defenders", "BY");

        TrackingEvents.send(
                EventTypes.SIGNATURE_CORRECTED_V2,
                statement,
                sealer.corrected(new SignatureCorrected(
                        turning, statement, SignatoryKind.ORGANISATION, null, "TW", null, Visibility.WITHHELD)));
        JsonNode after =
                awaitPipeline(body -> assertThat(body.toString()).doesNotContain("Second Thoughts Collective"));
        assertThat(after.at("/total/signed").asLong()).isEqualTo(3);
        assertThat(stageOf(after, "Visible Lawyers Guild")).isEqualTo("SIGNED");
        assertThat(jdbc.sql("select invitation::text from invitation where statement_id = ?")
                        .param(statement)
                        .query(String.class)
                        .list())
                .hasSize(3)
                .noneMatch(row -> row.contains("Quiet Union") || row.contains("Second Thoughts"))
                .anyMatch(row -> row.contains("Visible Lawyers Guild"));
    }

    private UUID sealedInvite(SignatorySealer sealer, String organisation, String country) {
        UUID invitation = UUID.randomUUID();
        TrackingEvents.send(
                EventTypes.INVITATION_CREATED_V2,
                statement,
                sealer.invitationCreated(new InvitationCreated(invitation, statement, 1, organisation, country, "en")));
        return invitation;
    }

    private UUID sealedConfirm(SignatorySealer sealer, UUID invitation, Visibility visibility, String country) {
        UUID signature = UUID.randomUUID();
        TrackingEvents.send(
                EventTypes.SIGNATURE_CONFIRMED_V2,
                statement,
                sealer.confirmed(new SignatureConfirmed(
                        signature,
                        statement,
                        SignatoryKind.ORGANISATION,
                        visibility == Visibility.WITHHELD ? null : "Signer " + signature,
                        country,
                        null,
                        1,
                        TrackingEvents.HASH_1,
                        Instant.now(),
                        visibility,
                        invitation,
                        1)));
        return signature;
    }

    @Test
    void aWithdrawnSignatureTakesTheInviteeBackToNoAnswer() {
        UUID invitation = TrackingEvents.invite(statement, 1, "Amnesty International", null, "en");
        UUID signature = TrackingEvents.confirm(
                statement, SignatoryKind.ORGANISATION, null, Visibility.PUBLIC, invitation, 1, Instant.now());
        awaitPipeline(body -> assertThat(body.at("/total/signed").asLong()).isEqualTo(1));

        TrackingEvents.withdraw(statement, signature);
        JsonNode pipeline = awaitPipeline(
                body -> assertThat(body.at("/total/signed").asLong()).isEqualTo(0));
        assertThat(pipeline.at("/total/noAnswer").asLong()).isEqualTo(1);
    }

    @Test
    void aStatementWithoutInvitationsHasAnEmptyPipelineAndAMalformedIdIsABadRequest() {
        JsonNode empty = http.get("/api/statements/" + statement + "/pipeline").json();
        assertThat(empty.at("/total/invited").asLong()).isZero();
        assertThat(empty.get("invitees")).isEmpty();

        var malformed = http.get("/api/statements/not-a-statement/pipeline");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
    }

    private static String stageOf(JsonNode pipeline, String organisation) {
        for (JsonNode invitee : pipeline.get("invitees")) {
            if (organisation.equals(invitee.get("organisation").asString())) {
                return invitee.get("stage").asString();
            }
        }
        throw new AssertionError(organisation + " not in " + pipeline);
    }

    private JsonNode awaitPipeline(Consumer<JsonNode> assertion) {
        return Eventually.await(PATIENCE, () -> {
            var response = http.get("/api/statements/" + statement + "/pipeline");
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonNode body = response.json();
            assertion.accept(body);
            return body;
        });
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
