package org.chorus.signatures.signon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chorus.events.EventTypes;
import org.chorus.events.MailRequested;
import org.chorus.events.Topics;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The person who signs for an organisation: asked for, greeted by name, shown to coordinators, never published. */
@ChorusServiceTest
@ExtendWith(OutputCaptureExtension.class)
class ContactNameTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void client() {
        http = new Http("http://localhost:" + port);
    }

    @Test
    void anOrganisationSignsWithItsContactPersonWhomOnlyTheCoordinatorsSee(CapturedOutput logs) {
        UUID statementId = Statements.open(http, "Free the lawyers", "en", "We call for their release.");
        assertThat(http.get("/sign/" + statementId).body()).contains("Contact name", "id=\"contactName\"");
        assertThat(http.get("/sign/" + statementId + "?kind=individual").body()).doesNotContain("id=\"contactName\"");

        String contact = "Amina Diallo " + UUID.randomUUID();
        Map<String, String> form = Statements.organisation("Lawyers Without Borders", "BE", "lwb@example.org");
        form.put("contactName", contact);
        String confirmUrl = Statements.signAndConfirm(http, statementId, form);

        MailRequested mail = Statements.mailTo(statementId, "signature-confirmation", "lwb@example.org");
        assertThat(mail.variables()).containsEntry("contactName", contact);
        assertThat(mail.variables()).containsEntry("signerName", "Lawyers Without Borders");

        JsonNode coordinatorView = http.get("/api/statements/" + statementId + "/signatures")
                .json()
                .get(0);
        assertThat(coordinatorView.get("name").asString()).isEqualTo("Lawyers Without Borders");
        assertThat(coordinatorView.get("contactName").asString()).isEqualTo(contact);
        assertThat(coordinatorView.get("email").asString()).isEqualTo("lwb@example.org");
        JsonNode inModeration = http.get("/api/statements/" + statementId + "/moderation")
                .json()
                .get(0);
        assertThat(inModeration.get("signature").get("contactName").asString()).isEqualTo(contact);

        TopicReader.awaitEvents(
                Topics.SIGNATURES, EventTypes.SIGNATURE_CONFIRMED_V2.name(), statementId, Statements.WAIT);
        assertThat(TopicReader.awaitValues(
                        Topics.SIGNATURES, value -> value.contains(statementId.toString()), Statements.WAIT))
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(event -> assertThat(event).doesNotContain(contact));
        assertThat(http.get("/sign/" + statementId).body()).doesNotContain(contact);
        assertThat(http.get(confirmUrl).body())
                .contains("Lawyers Without Borders")
                .doesNotContain(contact);
        assertThat(http.get("/api/statements/" + statementId + "/signatories.txt")
                        .body())
                .contains("Lawyers Without Borders")
                .doesNotContain(contact);
        assertThat(http.get("/api/statements/" + statementId + "/signatories.csv")
                        .body())
                .contains("Lawyers Without Borders")
                .doesNotContain(contact);
        assertThat(Statements.pdfText(
                        "http://localhost:" + port + "/api/statements/" + statementId + "/signatories.pdf"))
                .contains("Lawyers Without Borders")
                .doesNotContain("Amina");
        assertThat(logs.getAll()).doesNotContain(contact);
    }

    @Test
    void anOrganisationWithoutAContactPersonIsAskedForOneInItsLanguageAndNothingIsStored() {
        UUID statementId = Statements.open(http, "Declaración conjunta", "es", "Pedimos su liberación.");
        Map<String, String> form = Statements.organisation("Red de Defensoras", "MX", "red@example.org");
        form.put("contactName", "\u00a0 ");

        var missing = http.postForm("/sign/" + statementId, form);

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body())
                .contains(
                        "lang=\"es\"",
                        "Nombre de la persona de contacto",
                        "Indique el nombre de la persona de contacto.",
                        "value=\"Red de Defensoras\"",
                        "value=\"red@example.org\"");

        form.put("contactName", "x".repeat(201));
        var tooLong = http.postForm("/sign/" + statementId, form);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("El nombre de la persona de contacto debe tener menos de 200 caracteres.");
        assertThat(signaturesOf(statementId)).isZero();
    }

    @Test
    void aWithheldOrganisationsContactPersonIsSealedWithTheRestOfItsIdentity(CapturedOutput logs) {
        UUID statementId = Statements.open(http, "Release the editors", "en", "We call for their release.");
        String contact = "Hidden Contact " + UUID.randomUUID();
        Map<String, String> form = Statements.organisation("Quiet Press Union", "HK", "quiet-press@example.org");
        form.put("contactName", contact);
        form.put("visibility", "WITHHELD");
        String confirmUrl = Statements.signAndConfirm(http, statementId, form);

        String stored = jdbc.sql("select coalesce(name, '') || coalesce(contact_name, '')"
                        + " || encode(sealed_identity, 'escape') from signature where statement_id = ?")
                .param(statementId)
                .query(String.class)
                .single();
        assertThat(stored).doesNotContain(contact, "Quiet Press Union");
        MailRequested mail = Statements.mailTo(statementId, "signature-confirmation", "quiet-press@example.org");
        assertThat(mail.variables()).doesNotContainKey("contactName");
        assertThat(mail.variables().values()).doesNotContain(contact);
        JsonNode coordinatorView = http.get("/api/statements/" + statementId + "/signatures")
                .json()
                .get(0);
        assertThat(coordinatorView.get("contactName").asString()).isEqualTo(contact);
        assertThat(coordinatorView.get("visibility").asString()).isEqualTo("WITHHELD");

        String manageUrl = confirmUrl.replace("/confirm/", "/manage/");
        var published = http.postForm(manageUrl, Map.of("name", "Quiet Press Union", "visibility", "PUBLIC"));
        assertThat(published.status()).isEqualTo(200);
        assertThat(jdbc.sql("select contact_name from signature where statement_id = ?")
                        .param(statementId)
                        .query(String.class)
                        .single())
                .isEqualTo(contact);
        var withheldAgain = http.postForm(manageUrl, Map.of("name", "Quiet Press Union", "visibility", "WITHHELD"));
        assertThat(withheldAgain.status()).isEqualTo(200);
        assertThat(jdbc.sql("select coalesce(contact_name, 'sealed') from signature where statement_id = ?")
                        .param(statementId)
                        .query(String.class)
                        .single())
                .isEqualTo("sealed");
        assertThat(http.get("/api/statements/" + statementId + "/signatures")
                        .json()
                        .get(0)
                        .get("contactName")
                        .asString())
                .isEqualTo(contact);
        assertThat(logs.getAll()).doesNotContain(contact);
    }

    @Test
    void anInvitedOrganisationMaySignWithoutNamingItsContactPerson() {
        UUID statementId = Statements.open(http, "By invitation", "en", "Invited organisations sign.");
        assertThat(http.postJson(
                                "/api/statements/" + statementId + "/invitations",
                                Map.of(
                                        "invitations",
                                        List.of(Map.of(
                                                "organisation",
                                                "Invited Union",
                                                "email",
                                                "invited-union@example.org"))))
                        .status())
                .isEqualTo(201);
        String signUrl = Statements.mailTo(statementId, "invitation", "invited-union@example.org")
                .variables()
                .get("signUrl");
        Map<String, String> form = Statements.organisation("Invited Union", "", "invited-union@example.org");
        form.remove("contactName");
        form.put("invitation", Statements.invitationToken(signUrl));

        Statements.signAndConfirm(http, statementId, form);

        JsonNode coordinatorView = http.get("/api/statements/" + statementId + "/signatures")
                .json()
                .get(0);
        assertThat(coordinatorView.get("name").asString()).isEqualTo("Invited Union");
        assertThat(coordinatorView.hasNonNull("contactName")).isFalse();
        MailRequested mail = Statements.mailTo(statementId, "signature-confirmation", "invited-union@example.org");
        assertThat(mail.variables()).doesNotContainKey("contactName");
    }

    private int signaturesOf(UUID statementId) {
        return jdbc.sql("select count(*) from signature where statement_id = ?")
                .param(statementId)
                .query(Integer.class)
                .single();
    }
}
