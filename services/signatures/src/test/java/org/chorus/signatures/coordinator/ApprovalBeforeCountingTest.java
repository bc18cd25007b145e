package org.chorus.signatures.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chorus.events.EventTypes;
import org.chorus.events.SignatureConfirmed;
import org.chorus.events.Topics;
import org.chorus.signatures.signon.Statements;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A coordinator who wants to vet every open-link signature before it counts. */
@ChorusServiceTest
class ApprovalBeforeCountingTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    Http http;
    UUID statementId;
    String api;

    @BeforeEach
    void statementOpenForSignature() {
        http = new Http("http://localhost:" + port);
        statementId = Statements.open(http, "Vetted statement", "en", "Only vetted organisations count.");
        api = "/api/statements/" + statementId;
    }

    @Test
    void aConfirmedSignatureCountsOnlyOnceACoordinatorApprovesIt() {
        assertThat(http.get(api + "/settings").json().get("approvalRequired").asBoolean())
                .isFalse();
        var turnedOn = put(api + "/settings", Map.of("approvalRequired", true));
        assertThat(turnedOn.status()).isEqualTo(200);
        assertThat(turnedOn.json().get("approvalRequired").asBoolean()).isTrue();
        assertThat(turnedOn.json().get("inviteOnly").asBoolean()).isFalse();

        String confirmUrl = Statements.signAndConfirm(
                http, statementId, Statements.organisation("Held Org", "NL", "held@example.org"));
        assertThat(http.get(confirmUrl).body()).contains("Already confirmed");
        Statements.signAndConfirm(http, statementId, Statements.organisation("Fake Front", "", "fake@vetting.example"));
        Statements.signAndConfirm(http, statementId, Statements.organisation("Late Org", "FR", "late@vetting.example"));

        assertThat(http.get(api + "/signatories.txt").body()).doesNotContain("Held Org", "Fake Front", "Late Org");
        JsonNode queue = http.get(api + "/moderation").json();
        assertThat(queue.valueStream()
                        .map(candidate -> candidate.at("/signature/name").asString()))
                .containsExactly("Held Org", "Fake Front", "Late Org");
        assertThat(queue.valueStream()
                        .map(candidate ->
                                candidate.at("/signature/awaitingApproval").asBoolean()))
                .containsOnly(true);
        String held = queue.get(0).at("/signature/id").asString();
        String fake = queue.get(1).at("/signature/id").asString();
        String late = queue.get(2).at("/signature/id").asString();

        assertThat(http.postJson(api + "/signatures/" + held + "/approval", Map.of())
                        .status())
                .isEqualTo(204);
        assertThat(http.get(api + "/signatories.txt").body())
                .contains("Held Org")
                .doesNotContain("Fake Front");
        assertThat(http.postJson(api + "/signatures/" + fake + "/rejection", Map.of("reason", "Not real"))
                        .status())
                .isEqualTo(204);
        TopicReader.awaitEvents(Topics.SIGNATURES, EventTypes.SIGNATURE_REJECTED.name(), statementId, Statements.WAIT);
        assertThat(confirmedSignatureIds()).containsExactly(held);
        assertThat(http.get(api + "/signatories.txt").body()).doesNotContain("Fake Front", "Late Org");

        var turnedOff = put(api + "/settings", Map.of("approvalRequired", false));
        assertThat(turnedOff.json().get("approvalRequired").asBoolean()).isFalse();
        assertThat(http.get(api + "/signatories.txt").body())
                .contains("Held Org", "Late Org")
                .doesNotContain("Fake Front");
        assertThat(http.get(api + "/moderation")
                        .json()
                        .valueStream()
                        .map(candidate -> candidate.at("/signature/id").asString()))
                .containsExactly(late);
        assertThat(http.get(api + "/moderation")
                        .json()
                        .get(0)
                        .at("/signature/awaitingApproval")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void aHeldSignerIsToldTheirSignatureCountsAfterApproval() {
        put(api + "/settings", Map.of("approvalRequired", true));
        Map<String, String> form = Statements.organisation("Patient Org", "DE", "patient@vetting.example");
        assertThat(http.postForm("/sign/" + statementId, form).status()).isEqualTo(303);
        String confirmUrl = Statements.mailTo(statementId, "signature-confirmation", "patient@vetting.example")
                .variables()
                .get("confirmUrl");

        var confirmed = http.postForm(confirmUrl, Map.of());

        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.body()).contains("it counts once the coordinators have approved it");
    }

    @Test
    void settingsNeedSomethingToChange() {
        var empty = put(api + "/settings", Map.of());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.contentType()).startsWith("application/problem+json");
        assertThat(put("/api/statements/" + UUID.randomUUID() + "/settings", Map.of("approvalRequired", true))
                        .status())
                .isEqualTo(404);
    }

    record Answer(int status, String body, String contentType) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** A PUT with a JSON body, as a coordinator's client sends it (test-support's Http has no PUT). */
    private Answer put(String path, Object body) {
        try {
            var response = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                                    .header("Content-Type", "application/json")
                                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                                            JSON.writeValueAsString(body)))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<String> confirmedSignatureIds() {
        return TopicReader.awaitEvents(
                        Topics.SIGNATURES, EventTypes.SIGNATURE_CONFIRMED.name(), statementId, Statements.WAIT)
                .stream()
                .map(envelope ->
                        ((SignatureConfirmed) envelope.data()).signatureId().toString())
                .toList();
    }
}
