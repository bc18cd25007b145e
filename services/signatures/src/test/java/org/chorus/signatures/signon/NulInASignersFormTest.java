package org.chorus.signatures.signon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A NUL character (a raw %00 in a real form post) cannot be stored; the signer gets their form back in their own
 * language with the field marked and everything else they typed, never a short English refusal.
 */
@ChorusServiceTest
class NulInASignersFormTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aNulInTheSignFormBringsTheFormBackInTheSignersLanguageWithEverythingElseTheyTyped() {
        Http http = new Http("http://localhost:" + port);
        UUID statementId = Statements.open(http, "Liberté pour les défenseurs", "en", "Texte.");
        Map<String, String> form =
                Statements.organisation("Avocats\u0000 sans frontières", "FR", "asf@avocats.example");
        form.put("qualifier", "Bureau de Paris");
        form.put("lang", "fr");

        var answer = http.postForm("/sign/" + statementId, form);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("text/html");
        assertThat(answer.body())
                .contains("lang=\"fr\"", "Ce texte contient un caractère de contrôle invisible")
                .contains(
                        "value=\"Avocats sans frontières\"",
                        "value=\"Bureau de Paris\"",
                        "value=\"Contact for Avocats",
                        "value=\"asf@avocats.example\"")
                .doesNotContain("\u0000", "Input not accepted");
        assertThat(jdbc.sql("select count(*) from signature where statement_id = ?")
                        .param(statementId)
                        .query(Integer.class)
                        .single())
                .isZero();

        Map<String, String> inTheAddress =
                Statements.organisation("Avocats sans frontières", "FR", "asf@avocats\u0000.example");
        inTheAddress.put("lang", "ar");
        var arabic = http.postForm("/sign/" + statementId, inTheAddress);
        assertThat(arabic.status()).isEqualTo(400);
        assertThat(arabic.body())
                .contains("dir=\"rtl\"", "value=\"Avocats sans frontières\"", "value=\"asf@avocats.example\"");
    }

    @Test
    void aNulInACorrectionBringsTheManagePageBackInTheSignersLanguageAndChangesNothing() {
        Http http = new Http("http://localhost:" + port);
        UUID statementId = Statements.open(http, "Justicia para las defensoras", "es", "Texto.");
        String confirmUrl = Statements.signAndConfirm(
                http, statementId, Statements.organisation("Red de Defensoras", "MX", "red@defensoras.example"));
        String manageUrl = confirmUrl.replace("/confirm/", "/manage/");

        var answer = http.postForm(
                manageUrl,
                Map.of(
                        "name", "Red de\u0000 Defensoras",
                        "country", "MX",
                        "qualifier", "Oficina de Oaxaca",
                        "visibility", "PUBLIC",
                        "lang", "es"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body())
                .contains("lang=\"es\"", "Contiene un carácter de control invisible")
                .contains("value=\"Red de Defensoras\"", "value=\"Oficina de Oaxaca\"")
                .doesNotContain("\u0000");
        assertThat(jdbc.sql("select count(*) from signature where statement_id = ? and qualifier is not null")
                        .param(statementId)
                        .query(Integer.class)
                        .single())
                .as("nothing corrected")
                .isZero();

        var confirmAgain = http.postForm(confirmUrl.replaceAll("\\?.*", ""), Map.of("lang", "fr\u0000"));
        assertThat(confirmAgain.body())
                .as("a NUL in the hidden language field leaves the page in the statement's language")
                .contains("lang=\"es\"")
                .doesNotContain("Input not accepted");
    }
}
