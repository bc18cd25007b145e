package org.chorus.signatures.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.chorus.events.EventTypes;
import org.chorus.events.SignatureMerged;
import org.chorus.events.SignatureRejected;
import org.chorus.events.Topics;
import org.chorus.signatures.signon.Statements;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The coordinator's queue of open-link signatures: duplicates found, rejected with a reason, merged. */
@ChorusServiceTest
class ModerationTest {

    @LocalServerPort
    int port;

    Http http;
    UUID statementId;

    @BeforeEach
    void statementOpenForSignature() {
        http = new Http("http://localhost:" + port);
        statementId = Statements.open(http, "Stand with Hong Kong", "en", "We stand with Hong Kong's civil society.");
    }

    @Test
    void theSameSignerTwiceIsFoundByAddressAndByNameAndMergedIntoOne() {
        Statements.signAndConfirm(
                http, statementId, Statements.organisation("Hong Kong Watch", "GB", "Info.Desk+petition@gmail.com"));
        Statements.signAndConfirm(
                http, statementId, Statements.organisation("Another Name", "GB", "infodesk@gmail.com"));
        Statements.signAndConfirm(
                http, statementId, Statements.organisation("Hong-Kong Watch ", "GB", "other@hkw.example"));
        Statements.signAndConfirm(
                http, statementId, Statements.organisation("Amnesty International", "", "ai@example.org"));

        JsonNode queue =
                http.get("/api/statements/" + statementId + "/moderation").json();
        assertThat(queue.size()).isEqualTo(4);
        String first = queue.get(0).at("/signature/id").asString();
        String second = queue.get(1).at("/signature/id").asString();
        String third = queue.get(2).at("/signature/id").asString();
        assertThat(queue.get(0).get("possibleDuplicates").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder(second, third);
        assertThat(queue.get(3).get("possibleDuplicates").size()).isZero();

        var merged = http.postJson(
                "/api/statements/" + statementId + "/signatures/" + third + "/merge", Map.of("into", first));
        assertThat(merged.status()).isEqualTo(204);
        var event = (SignatureMerged) TopicReader.awaitEvents(
                        Topics.SIGNATURES, EventTypes.SIGNATURE_MERGED.name(), statementId, Statements.WAIT)
                .get(0)
                .data();
        assertThat(event.intoSignatureId().toString()).isEqualTo(first);

        assertThat(http.postJson("/api/statements/" + statementId + "/signatures/" + first + "/approval", Map.of())
                        .status())
                .isEqualTo(204);
        JsonNode after =
                http.get("/api/statements/" + statementId + "/moderation").json();
        assertThat(after.valueStream()
                        .map(candidate -> candidate.at("/signature/id").asString()))
                .containsExactly(second, queue.get(3).at("/signature/id").asString());
    }

    @Test
    void aCoordinatorRejectsASignatureWithAReason() {
        Statements.signAndConfirm(http, statementId, Statements.organisation("Fake Front", "", "fake@example.org"));
        String id = http.get("/api/statements/" + statementId + "/moderation")
                .json()
                .get(0)
                .at("/signature/id")
                .asString();

        var blank = http.postJson(
                "/api/statements/" + statementId + "/signatures/" + id + "/rejection", Map.of("reason", " "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.contentType()).startsWith("application/problem+json");
        assertThat(blank.json().at("/errors/0/field").asString()).isEqualTo("reason");

        var rejected = http.postJson(
                "/api/statements/" + statementId + "/signatures/" + id + "/rejection",
                Map.of("reason", "Not a real organisation"));
        assertThat(rejected.status()).isEqualTo(204);
        var event = (SignatureRejected) TopicReader.awaitEvents(
                        Topics.SIGNATURES, EventTypes.SIGNATURE_REJECTED.name(), statementId, Statements.WAIT)
                .get(0)
                .data();
        assertThat(event.reason()).isEqualTo("Not a real organisation");

        var again = http.postJson(
                "/api/statements/" + statementId + "/signatures/" + id + "/rejection", Map.of("reason", "twice"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(http.get("/api/statements/" + statementId + "/signatures")
                        .json()
                        .get(0)
                        .get("status")
                        .asString())
                .isEqualTo("REJECTED");
    }

    @Test
    void unknownStatementsAndSignaturesAreNotFound() {
        assertThat(http.get("/api/statements/" + UUID.randomUUID() + "/signatures")
                        .status())
                .isEqualTo(404);
        assertThat(http.postJson(
                                "/api/statements/" + statementId + "/signatures/" + UUID.randomUUID() + "/rejection",
                                Map.of("reason", "spam"))
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/api/statements/not-an-id/signatures").status()).isEqualTo(400);
    }

    @Test
    void duplicateRulesMatchWhatCoordinatorsWouldCallTheSameSigner() {
        assertThat(Duplicates.normalisedEmail(" J.Doe+sign@GoogleMail.com ")).isEqualTo("jdoe@gmail.com");
        assertThat(Duplicates.normalisedEmail("j.doe+x@example.org")).isEqualTo("j.doe+x@example.org");
        assertThat(Duplicates.similarNames("Amnistía Internacional Chile", "Amnistia Internacional, Chile"))
                .isTrue();
        assertThat(Duplicates.similarNames("Tibet Justice Center", "Tibet Solidarity"))
                .isFalse();
    }
}
