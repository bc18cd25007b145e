package org.chorus.signatures.reconsent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.chorus.events.EventTypes;
import org.chorus.events.MailRequested;
import org.chorus.events.ReconsentRequested;
import org.chorus.events.SignatureReconfirmed;
import org.chorus.events.SignatureWithdrawn;
import org.chorus.events.Topics;
import org.chorus.platform.language.Languages;
import org.chorus.signatures.signon.Statements;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** After a material revision confirmed signers are asked again; the coordinator decides about the silent ones. */
@ChorusServiceTest
class ReconsentTest {
    static final String NEW_HASH = "b".repeat(64);
    static final String NEW_TEXT = "We call for the immediate release of all detained defenders and their lawyers.";

    @LocalServerPort
    int port;

    @Autowired
    Reconsent reconsent;

    Http http;
    UUID statementId;

    @BeforeEach
    void twoOrganisationsHaveSigned() {
        http = new Http("http://localhost:" + port);
        statementId = Statements.open(http, "Free them all", "en", "We call for the release of detained defenders.");
        Statements.signAndConfirm(
                http, statementId, Statements.organisation("Front Line Defenders", "IE", "fld@example.org"));
        Statements.signAndConfirm(
                http, statementId, Statements.organisation("Silent Society", "DE", "silent@example.org"));
    }

    @Test
    void signersConfirmAMaterialRevisionAndTheCoordinatorDropsThoseWhoDidNotAnswer() {
        Statements.revise(statementId, 2, "Free them all", NEW_TEXT, NEW_HASH, true);

        var requested = (ReconsentRequested) TopicReader.awaitEvents(
                        Topics.SIGNATURES, EventTypes.RECONSENT_REQUESTED.name(), statementId, Statements.WAIT)
                .get(0)
                .data();
        assertThat(requested.revision()).isEqualTo(2);
        assertThat(requested.contentHash()).isEqualTo(NEW_HASH);
        MailRequested mail = Statements.mailTo(statementId, "reconsent-request", "fld@example.org");
        assertThat(mail.variables()).containsKeys("statementTitle", "signerName", "reconsentUrl", "deadline");
        assertThat(mail.variables().get("deadline")).isEqualTo(Languages.dateTime(requested.deadline(), "en", null));
        Statements.mailTo(statementId, "reconsent-request", "silent@example.org");

        String link = mail.variables().get("reconsentUrl");
        var page = http.get(link);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(NEW_TEXT, NEW_HASH.substring(0, 12), "I confirm the revised text");
        assertThat(http.postForm(link, Map.of()).status()).isEqualTo(200);
        assertThat(http.postForm(link, Map.of()).status()).isEqualTo(409);
        var reconfirmed = (SignatureReconfirmed) TopicReader.awaitEvents(
                        Topics.SIGNATURES, EventTypes.SIGNATURE_RECONFIRMED.name(), statementId, Statements.WAIT)
                .get(0)
                .data();
        assertThat(reconfirmed.revisionHash()).isEqualTo(NEW_HASH);

        JsonNode list =
                http.get("/api/statements/" + statementId + "/signatures").json();
        assertThat(list.get(0).get("name").asString()).isEqualTo("Front Line Defenders");
        assertThat(list.get(0).get("revisionConfirmed").asInt()).isEqualTo(2);
        assertThat(list.get(1).get("revisionConfirmed").asInt()).isEqualTo(1);

        var tooEarly =
                http.postJson("/api/statements/" + statementId + "/reconsent/resolution", Map.of("decision", "DROP"));
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.contentType()).startsWith("application/problem+json");

        var outcome = reconsent.resolve(
                statementId, Reconsent.Decision.DROP, requested.deadline().plus(Duration.ofMinutes(1)));
        assertThat(outcome.signatures()).isEqualTo(1);
        var dropped = (SignatureWithdrawn) TopicReader.awaitEvents(
                        Topics.SIGNATURES, EventTypes.SIGNATURE_WITHDRAWN.name(), statementId, Statements.WAIT)
                .get(0)
                .data();
        assertThat(dropped.signatureId().toString())
                .isEqualTo(list.get(1).get("id").asString());
    }

    @Test
    void theCoordinatorCanKeepSilentSignersFlagged() {
        Statements.revise(statementId, 2, "Free them all", NEW_TEXT, NEW_HASH, true);
        Instant deadline = ((ReconsentRequested) TopicReader.awaitEvents(
                                Topics.SIGNATURES, EventTypes.RECONSENT_REQUESTED.name(), statementId, Statements.WAIT)
                        .get(0)
                        .data())
                .deadline();

        var outcome = reconsent.resolve(statementId, Reconsent.Decision.KEEP, deadline.plusSeconds(1));
        assertThat(outcome.signatures()).isEqualTo(2);
        JsonNode list =
                http.get("/api/statements/" + statementId + "/signatures").json();
        assertThat(list.valueStream().map(entry -> entry.get("flagged").asBoolean()))
                .containsOnly(true);
        assertThat(list.valueStream().map(entry -> entry.get("status").asString()))
                .containsOnly("CONFIRMED");
    }

    @Test
    void anEditorialRevisionChangesTheTextWithoutAskingAnyone() {
        Statements.revise(
                statementId,
                2,
                "Free them all",
                "We call for the release of detained defenders!",
                "c".repeat(64),
                false);
        Eventually.await(
                Statements.WAIT,
                () -> assertThat(http.get("/sign/" + statementId).body())
                        .contains("detained defenders!", "cccccccccccc"));
        var early =
                http.postJson("/api/statements/" + statementId + "/reconsent/resolution", Map.of("decision", "KEEP"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body()).contains("No re-consent was requested");
    }

    @Test
    void malformedResolutionsAndForgedLinksAreRefused() {
        var missing = http.postJson("/api/statements/" + statementId + "/reconsent/resolution", Map.of());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("decision");
        assertThat(http.postJson("/api/statements/" + statementId + "/reconsent/resolution", "{\"decision\":\"MAYBE\"}")
                        .status())
                .isEqualTo(400);
        assertThat(http.get("/reconsent/" + "r".repeat(43)).status()).isEqualTo(404);
    }
}
