package org.chorus.signatures.signon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chorus.events.MailRequested;
import org.chorus.events.SignatoryKind;
import org.chorus.events.Topics;
import org.chorus.events.Visibility;
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

@ChorusServiceTest
@ExtendWith(OutputCaptureExtension.class)
class IndividualAndWithheldSigningTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http http;
    UUID statementId;

    @BeforeEach
    void statementOpenForSignature() {
        http = new Http("http://localhost:" + port);
        statementId = Statements.open(http, "Release the lawyers", "en", "We call for the release of all lawyers.");
    }

    @Test
    void aPersonSignsInTheirOwnNameWithTheirAffiliation() {
        var page = http.get("/sign/" + statementId + "?kind=individual");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("Sign as an individual", "Your name", "Affiliation")
                .doesNotContain("on behalf of this organisation");

        Map<String, String> form = individual("Teng Biao", "US", "Visiting scholar", "teng@example.org");
        Statements.signAndConfirm(http, statementId, form);

        var confirmed = Statements.confirmations(statementId).get(0);
        assertThat(confirmed.kind()).isEqualTo(SignatoryKind.INDIVIDUAL);
        assertThat(confirmed.name()).isEqualTo("Teng Biao");
        assertThat(confirmed.qualifier()).isEqualTo("Visiting scholar");
        assertThat(confirmed.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(TopicReader.awaitValues(
                        Topics.SIGNATURES, value -> value.contains(statementId.toString()), Statements.WAIT))
                .as("on the wire the name is only sealed for distribution")
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(event -> assertThat(event).doesNotContain("Teng Biao", "Visiting scholar"));
    }

    @Test
    void anIndividualWithoutANameIsAskedForItAndNothingIsStored() {
        var answer = http.postForm("/sign/" + statementId, individual("", "XX", "", "someone@example.org"));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body())
                .contains("Please enter your name.", "Please choose a country from the list.", "someone@example.org");
        assertThat(signatures()).isZero();
    }

    @Test
    void aWithheldSignerCountsByCountryButTheirNameAppearsNowhereInPublic(CapturedOutput logs) {
        String secretName = "Withheld Defender " + UUID.randomUUID();
        Map<String, String> form = individual(secretName, "CN", "Rights lawyer in Fuzhou", "hidden@example.org");
        form.put("visibility", "WITHHELD");
        form.put("countCountry", "true");
        Statements.signAndConfirm(http, statementId, form);

        String stored = jdbc.sql("select coalesce(name, '') || coalesce(email, '') || coalesce(qualifier, '')"
                        + " || encode(sealed_identity, 'escape') from signature where statement_id = ?")
                .param(statementId)
                .query(String.class)
                .single();
        assertThat(stored).doesNotContain(secretName, "hidden@example.org", "Fuzhou");

        var confirmed = Statements.confirmations(statementId).get(0);
        assertThat(confirmed.visibility()).isEqualTo(Visibility.WITHHELD);
        assertThat(confirmed.name()).isNull();
        assertThat(confirmed.qualifier()).isNull();
        assertThat(confirmed.country()).isEqualTo("CN");
        List<String> events = TopicReader.awaitValues(
                Topics.SIGNATURES, value -> value.contains(statementId.toString()), Statements.WAIT);
        assertThat(events)
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(event -> assertThat(event).doesNotContain(secretName, "Fuzhou"));
        MailRequested mail = Statements.mailTo(statementId, "signature-confirmation", "hidden@example.org");
        assertThat(mail.recipientName()).isNull();
        assertThat(mail.variables().values()).doesNotContain(secretName);

        assertThat(http.get("/sign/" + statementId).body()).doesNotContain(secretName);
        assertThat(http.get("/api/statements/" + statementId + "/signatories.txt")
                        .body())
                .doesNotContain(secretName)
                .endsWith("\nand 1 signatory who asked not to be named\n");
        assertThat(http.get("/api/statements/" + statementId + "/signatories.csv")
                        .body())
                .doesNotContain(secretName);
        assertThat(Statements.pdfText(
                        "http://localhost:" + port + "/api/statements/" + statementId + "/signatories.pdf"))
                .contains("Release the lawyers", "and 1 signatory who asked not to be named")
                .doesNotContain("Withheld Defender");

        assertThat(logs.getAll()).doesNotContain(secretName, "hidden@example.org");

        JsonNode coordinatorView = http.get("/api/statements/" + statementId + "/signatures")
                .json()
                .get(0);
        assertThat(coordinatorView.get("name").asString()).isEqualTo(secretName);
        assertThat(coordinatorView.get("qualifier").asString()).isEqualTo("Rights lawyer in Fuzhou");
        assertThat(coordinatorView.get("email").asString()).isEqualTo("hidden@example.org");
        assertThat(coordinatorView.get("visibility").asString()).isEqualTo("WITHHELD");
        assertThat(coordinatorView.get("status").asString()).isEqualTo("CONFIRMED");
    }

    @Test
    void aWithheldSignerWhoKeepsTheirCountryToThemselvesIsCountedWithoutOne() {
        Map<String, String> form = Statements.organisation("Quiet Collective", "HK", "quiet@example.org");
        form.put("visibility", "WITHHELD");
        Statements.signAndConfirm(http, statementId, form);

        var submitted = Statements.submissions(statementId).get(0);
        assertThat(submitted.visibility()).isEqualTo(Visibility.WITHHELD);
        assertThat(submitted.country()).isNull();
        var confirmed = Statements.confirmations(statementId).get(0);
        assertThat(confirmed.kind()).isEqualTo(SignatoryKind.ORGANISATION);
        assertThat(confirmed.country()).isNull();
    }

    private Map<String, String> individual(String name, String country, String affiliation, String email) {
        Map<String, String> form = Statements.organisation(name, country, email);
        form.remove("authorised");
        form.remove("contactName");
        form.put("kind", "INDIVIDUAL");
        form.put("qualifier", affiliation);
        form.put("visibility", "PUBLIC");
        return form;
    }

    private int signatures() {
        return jdbc.sql("select count(*) from signature where statement_id = ?")
                .param(statementId)
                .query(Integer.class)
                .single();
    }
}
