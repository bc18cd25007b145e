package org.chorus.signatures.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.chorus.events.EventTypes;
import org.chorus.events.SealedSignatureConfirmed;
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
    void aForwardedInvitationLinkCannotAddCountedSignaturesWithoutApproval() {
        put(api + "/settings", Map.of("approvalRequired", true));
        String token = invitationToken("Invited Org", "invited@vetting.example");

        Statements.signAndConfirm(http, statementId, invited(token, "Invited Org", "NL", "invited@vetting.example"));
        assertThat(http.get(api + "/signatories.txt").body()).contains("Invited Org");
        assertThat(http.get(api + "/moderation").json().size()).isZero();

        Statements.signAndConfirm(http, statementId, invited(token, "Forwarded Front", "", "front@forwarded.example"));
        Statements.signAndConfirm(http, statementId, invited(token, "Second Front", "", "second@forwarded.example"));

        assertThat(http.get(api + "/signatories.txt").body()).doesNotContain("Forwarded Front", "Second Front");
        JsonNode queue = http.get(api + "/moderation").json();
        assertThat(queue.valueStream()
                        .map(candidate -> candidate.at("/signature/name").asString()))
                .containsExactly("Forwarded Front", "Second Front");
        assertThat(queue.valueStream()
                        .map(candidate ->
                                candidate.at("/signature/awaitingApproval").asBoolean()))
                .containsOnly(true);

        String forwarded = queue.get(0).at("/signature/id").asString();
        assertThat(http.postJson(api + "/signatures/" + forwarded + "/approval", Map.of())
                        .status())
                .isEqualTo(204);
        assertThat(http.get(api + "/signatories.txt").body())
                .contains("Invited Org", "Forwarded Front")
                .doesNotContain("Second Front");
    }

    @Test
    void withoutApprovalBeforeCountingAForwardedInvitationLinkStillWaitsForACoordinator() {
        put(api + "/settings", Map.of("approvalRequired", false));
        String token = invitationToken("Trusted Org", "trusted@vetting.example");

        Statements.signAndConfirm(http, statementId, invited(token, "Trusted Org", "NL", "trusted@vetting.example"));
        Statements.signAndConfirm(http, statementId, invited(token, "Passed On", "", "passed@forwarded.example"));

        assertThat(http.get(api + "/signatories.txt").body())
                .contains("Trusted Org")
                .doesNotContain("Passed On");
        assertThat(http.get(api + "/moderation")
                        .json()
                        .valueStream()
                        .map(candidate -> candidate.at("/signature/name").asString()))
                .containsExactly("Passed On");
    }

    @Test
    void anInviteeWhoWithdrewCountsAtOnceWhenSigningAgainThroughTheirInvitation() {
        put(api + "/settings", Map.of("approvalRequired", true));
        String token = invitationToken("Changed Mind Org", "changed@vetting.example");
        String firstConfirmation = Statements.signAndConfirm(
                http, statementId, invited(token, "Changed Mind Org", "DE", "changed@vetting.example"));
        String manageUrl = Statements.mailTo(statementId, "signature-confirmation", "changed@vetting.example")
                .variables()
                .get("manageUrl");
        assertThat(http.postForm(Statements.below(manageUrl, "/withdrawal"), Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(http.get(api + "/signatories.txt").body()).doesNotContain("Changed Mind Org");

        Statements.signAndConfirmAgain(
                http,
                statementId,
                invited(token, "Changed Mind Org", "DE", "changed@vetting.example"),
                firstConfirmation);

        assertThat(http.get(api + "/signatories.txt").body()).contains("Changed Mind Org");
        assertThat(http.get(api + "/moderation").json().size()).isZero();
    }

    @Test
    void signersRacingThroughOneInvitationLinkGetAtMostOneSignatureApprovedByIt() throws Exception {
        put(api + "/settings", Map.of("approvalRequired", true));
        String token = invitationToken("Raced Org", "raced@vetting.example");
        int signers = 5; // within the per-link limit of the test configuration (6 an hour)
        ExecutorService pool = Executors.newFixedThreadPool(signers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < signers; i++) {
            Map<String, String> form = invited(token, "Racer " + i, "", "racer" + i + "@forwarded.example");
            answers.add(pool.submit(() -> {
                start.await();
                return new Http("http://localhost:" + port)
                        .postForm("/sign/" + statementId, form)
                        .status();
            }));
        }
        start.countDown();
        for (Future<Integer> answer : answers) {
            assertThat(answer.get()).isEqualTo(303);
        }
        pool.shutdown();

        assertThat(http.get(api + "/moderation").json().size()).isEqualTo(signers - 1);
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

    /** Invites one organisation and returns the token of the sign-on link in its invitation mail. */
    private String invitationToken(String organisation, String email) {
        var wave = http.postJson(
                api + "/invitations",
                Map.of("invitations", List.of(Map.of("organisation", organisation, "email", email))));
        assertThat(wave.status()).as(wave.body()).isEqualTo(201);
        String signUrl =
                Statements.mailTo(statementId, "invitation", email).variables().get("signUrl");
        return Statements.invitationToken(signUrl);
    }

    /** The sign-on form as sent from an invitation link, by whoever holds it. */
    private static Map<String, String> invited(String token, String name, String country, String email) {
        Map<String, String> form = Statements.organisation(name, country, email);
        form.put("invitation", token);
        return form;
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
                        Topics.SIGNATURES, EventTypes.SIGNATURE_CONFIRMED_V2.name(), statementId, Statements.WAIT)
                .stream()
                .map(envelope -> ((SealedSignatureConfirmed) envelope.data())
                        .signatureId()
                        .toString())
                .toList();
    }
}
