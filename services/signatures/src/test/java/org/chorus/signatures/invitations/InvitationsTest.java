package org.chorus.signatures.invitations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chorus.events.Envelope;
import org.chorus.events.EventTypes;
import org.chorus.events.InvitationCreated;
import org.chorus.events.InvitationOpened;
import org.chorus.events.InvitationSent;
import org.chorus.events.MailRequested;
import org.chorus.events.ReminderTriggered;
import org.chorus.events.Topics;
import org.chorus.signatures.signon.Statements;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Coordinators invite organisations in waves; invitees sign through their own pre-filled, signed links. */
@ChorusServiceTest
class InvitationsTest {

    @LocalServerPort
    int port;

    @Autowired
    InvitationLinks links;

    @Autowired
    JdbcClient jdbc;

    Http http;
    UUID statementId;

    @BeforeEach
    void statementOpenForSignature() {
        http = new Http("http://localhost:" + port);
        statementId = Statements.open(http, "Justice for Tibet", "en", "We call for justice.");
    }

    @Test
    void anInvitedOrganisationOpensItsPrefilledLinkAndSignsWithoutModeration() {
        JsonNode wave = invite(
                Map.of("organisation", "Tibet Justice Center", "country", "US", "email", "tjc@example.org"),
                Map.of("organisation", "Free Tibet", "country", "GB", "email", "ft@example.org", "language", "fr"));
        assertThat(wave.get("wave").asInt()).isEqualTo(1);
        assertThat(wave.get("invitations").size()).isEqualTo(2);
        List<InvitationCreated> created = Statements.invitationsCreated(statementId);
        assertThat(created).hasSize(2);
        assertThat(created.get(1).language()).isEqualTo("fr");
        assertThat(created.get(1).organisation()).isEqualTo("Free Tibet");
        assertThat(TopicReader.awaitValues(
                        Topics.SIGNATURES, value -> value.contains(statementId.toString()), Statements.WAIT))
                .allSatisfy(event -> assertThat(event).doesNotContain("Free Tibet", "Tibet Justice Center"));
        MailRequested mail = Statements.mailTo(statementId, "invitation", "tjc@example.org");
        assertThat(mail.variables()).containsKeys("statementTitle", "organisation", "signUrl", "deadline");
        var sent = TopicReader.awaitEvents(
                Topics.SIGNATURES, EventTypes.INVITATION_SENT.name(), statementId, Statements.WAIT);
        assertThat(sent.stream().map(event -> ((InvitationSent) event.data()).requestId()))
                .contains(mail.requestId());

        String signUrl = mail.variables().get("signUrl");
        var page = http.get(signUrl);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("value=\"Tibet Justice Center\"", "name=\"invitation\"");
        assertThat(http.get(signUrl).status()).isEqualTo(200);

        Map<String, String> form = Statements.organisation("Tibet Justice Center", "US", "tjc@example.org");
        form.put("invitation", Statements.invitationToken(signUrl));
        Statements.signAndConfirm(http, statementId, form);

        var opened = TopicReader.awaitEvents(
                Topics.SIGNATURES, EventTypes.INVITATION_OPENED.name(), statementId, Statements.WAIT);
        assertThat(opened).hasSize(1);
        UUID invitationId = ((InvitationOpened) opened.get(0).data()).invitationId();
        var submitted = Statements.submissions(statementId).get(0);
        assertThat(submitted.invitationId()).isEqualTo(invitationId);
        var confirmed = Statements.confirmations(statementId).get(0);
        assertThat(confirmed.invitationId()).isEqualTo(invitationId);
        assertThat(confirmed.wave()).isEqualTo(1);
        assertThat(http.get("/api/statements/" + statementId + "/moderation")
                        .json()
                        .size())
                .isZero();

        assertThat(invite(Map.of("organisation", "PEN America", "email", "pen@example.org"))
                        .get("wave")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void aCsvOfInviteesIsCheckedRowByRowAndSendsNothingUntilEveryRowIsRight() {
        String path = "/api/statements/" + statementId + "/invitations";
        String bad = """
                organisation,email,country,language
                Tibet Justice Center,tjc@example.org,US,en
                ,nobody@example.org,,
                Free Tibet,not-an-address,XX,fr
                Tibet Watch,TJC@example.org,GB,
                """;

        JsonNode report = http.post(path + "?dryRun=true", "text/csv", bad).json();
        assertThat(report.get("rows").asInt()).isEqualTo(4);
        assertThat(report.get("valid").asInt()).isEqualTo(1);
        assertThat(report.get("errors"))
                .extracting(error ->
                        error.get("row").asInt() + " " + error.get("field").asString() + " "
                                + error.get("code").asString())
                .containsExactly("3 organisation blank", "4 email email", "4 country country", "5 email sameEmail");
        var refused = http.post(path, "text/csv", bad);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("code").asString()).isEqualTo("invitationsRefused");
        assertThat(invitations()).as("nothing was sent").isZero();

        var sent = http.post(path, "text/csv", """
                Organisation,Email,Country,Language
                Tibet Justice Center,tjc@example.org,us,en
                "Free Tibet, London",ft@example.org,GB,fr
                """);
        assertThat(sent.status()).isEqualTo(201);
        assertThat(sent.json().get("invited").asInt()).isEqualTo(2);
        assertThat(sent.json().get("wave").asInt()).isEqualTo(1);
        MailRequested mail = Statements.mailTo(statementId, "invitation", "ft@example.org");
        assertThat(mail.language()).isEqualTo("fr");
        assertThat(mail.variables().get("organisation")).isEqualTo("Free Tibet, London");
    }

    @Test
    void anInviteOnlyStatementRefusesAnUninvitedSigner() {
        assertThat(put("/api/statements/" + statementId + "/settings", "{\"inviteOnly\":true}"))
                .isEqualTo(200);
        assertThat(put("/api/statements/" + statementId + "/settings", "{}")).isEqualTo(400);

        var page = http.get("/sign/" + statementId);
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("By invitation only");
        var post = http.postForm("/sign/" + statementId, Statements.organisation("Gatecrasher", "", "gc@example.org"));
        assertThat(post.status()).isEqualTo(403);
        assertThat(signatures()).isZero();

        invite(Map.of("organisation", "Invited Org", "email", "invited@example.org"));
        String signUrl = Statements.mailTo(statementId, "invitation", "invited@example.org")
                .variables()
                .get("signUrl");
        assertThat(http.get(signUrl).status()).isEqualTo(200);
    }

    @Test
    void forgedExpiredAndBorrowedInvitationLinksAreRefusedWithAClearPage() {
        invite(Map.of("organisation", "Real Invitee", "email", "real@example.org"));
        String signUrl = Statements.mailTo(statementId, "invitation", "real@example.org")
                .variables()
                .get("signUrl");
        String token = Statements.invitationToken(signUrl);

        var forged = http.get("/sign/" + statementId + "?invitation=" + token.substring(0, token.length() - 2) + "AA");
        assertThat(forged.status()).isEqualTo(404);
        assertThat(forged.body()).contains("Link not valid");

        UUID other = Statements.open(http, "Another statement", "en", "Other text.");
        assertThat(http.get("/sign/" + other + "?invitation=" + token).status()).isEqualTo(404);

        String expired =
                links.token(statementId, UUID.randomUUID(), Instant.now().minus(Duration.ofDays(1)));
        var late = http.get("/sign/" + statementId + "?invitation=" + expired);
        assertThat(late.status()).isEqualTo(410);
        assertThat(late.body()).contains("Invitation expired");

        Map<String, String> form = Statements.organisation("Real Invitee", "", "real@example.org");
        form.put("invitation", "garbage");
        assertThat(http.postForm("/sign/" + statementId, form).status()).isEqualTo(404);
        assertThat(signatures()).isZero();
    }

    @Test
    void anInviteeDeclinesAndTrackingsRemindersReachThoseWhoHaveNotAnswered() {
        invite(
                Map.of("organisation", "Busy Org", "email", "busy@example.org"),
                Map.of("organisation", "No Thanks Org", "email", "no@example.org"));
        String declineUrl = Statements.mailTo(statementId, "invitation", "no@example.org")
                .variables()
                .get("declineUrl");
        assertThat(http.get(declineUrl).body()).contains("Decline the invitation", "No Thanks Org");
        assertThat(http.postForm(declineUrl, Map.of()).status()).isEqualTo(200);
        assertThat(TopicReader.awaitEvents(
                        Topics.SIGNATURES, EventTypes.INVITATION_DECLINED.name(), statementId, Statements.WAIT))
                .hasSize(1);

        UUID busy = jdbc.sql("select id from invitation where statement_id = ? and organisation = 'Busy Org'")
                .param(statementId)
                .query(UUID.class)
                .single();
        TopicReader.send(
                Topics.TRACKING,
                statementId.toString(),
                Envelope.of(
                        EventTypes.REMINDER_TRIGGERED,
                        "/tracking",
                        statementId,
                        Instant.now(),
                        new ReminderTriggered(UUID.randomUUID(), busy, statementId, 1, "en")));
        MailRequested reminder = Statements.mailTo(statementId, "invitation-reminder", "busy@example.org");
        assertThat(reminder.variables())
                .containsEntry("organisation", "Busy Org")
                .containsEntry("number", "1")
                .containsKeys("statementTitle", "signUrl");
        Eventually.await(
                Statements.WAIT,
                () -> assertThat(http.get(reminder.variables().get("signUrl")).status())
                        .isEqualTo(200));
    }

    @Test
    void malformedWavesAreRefusedAndNothingIsSent() {
        var empty = http.postJson("/api/statements/" + statementId + "/invitations", Map.of("invitations", List.of()));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.contentType()).startsWith("application/problem+json");

        var bad = http.postJson(
                "/api/statements/" + statementId + "/invitations",
                Map.of(
                        "invitations",
                        List.of(Map.of("organisation", "Fine", "email", "not-an-address", "country", "ZZ"))));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("invitations[0].email", "invitations[0].countryKnown");

        assertThat(http.postJson(
                                "/api/statements/" + UUID.randomUUID() + "/invitations",
                                Map.of("invitations", List.of(Map.of("organisation", "A", "email", "a@example.org"))))
                        .status())
                .isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from invitation where statement_id = ?")
                        .param(statementId)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    private JsonNode invite(Map<String, String> invitee) {
        return invite(List.of(invitee));
    }

    private JsonNode invite(Map<String, String> first, Map<String, String> second) {
        return invite(List.of(first, second));
    }

    private JsonNode invite(List<Map<String, String>> invitees) {
        var answer = http.postJson("/api/statements/" + statementId + "/invitations", Map.of("invitations", invitees));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json();
    }

    private long invitations() {
        return jdbc.sql("select count(*) from invitation where statement_id = ?")
                .param(statementId)
                .query(Long.class)
                .single();
    }

    private int put(String path, String json) {
        try {
            return java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                                    .header("Content-Type", "application/json")
                                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int signatures() {
        return jdbc.sql("select count(*) from signature where statement_id = ?")
                .param(statementId)
                .query(Integer.class)
                .single();
    }
}
