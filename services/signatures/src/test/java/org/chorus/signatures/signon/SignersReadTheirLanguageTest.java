package org.chorus.signatures.signon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A signer who chose a language reads, signs, confirms and re-consents to the statement's final translation into it
 * when there is one (the page says which version, with the translation's own fingerprint), and to the primary text
 * otherwise; the sign page says when sign-on closes, in their language and the statement's time zone.
 */
@ChorusServiceTest
class SignersReadTheirLanguageTest {
    static final String SPANISH_HASH = "e5".repeat(32);
    static final String ENGLISH = "We call for the release of all human rights defenders.";
    static final String SPANISH = "Pedimos la liberación de todas las personas defensoras de derechos humanos.";

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http("http://localhost:" + port);
    }

    private UUID openWithSpanish() {
        UUID statement = Statements.open(http, "Free the defenders", "en", ENGLISH);
        Statements.translate(statement, "es", 1, "FINAL", "Liberen a los defensores", SPANISH, SPANISH_HASH, false);
        Eventually.await(
                Statements.WAIT,
                () -> assertThat(http.get("/sign/" + statement + "?lang=es").body())
                        .contains(SPANISH));
        return statement;
    }

    @Test
    void aSignerWhoChoseSpanishReadsSignsAndConfirmsTheSpanishTranslation() {
        UUID statement = openWithSpanish();

        var page = http.get("/sign/" + statement + "?lang=es");
        assertThat(page.body())
                .contains(
                        "<h1 lang=\"es\" dir=\"auto\">Liberen a los defensores</h1>",
                        "Traducción al español de la versión 1 del texto",
                        SPANISH_HASH.substring(0, 12),
                        "name=\"revisionHash\" value=\"" + SPANISH_HASH + "\"",
                        "name=\"textLanguage\" value=\"es\"",
                        "Leer el original (inglés)")
                .doesNotContain(ENGLISH);

        Map<String, String> form = Statements.organisation("Defensores en Red", "MX", "red-es@example.org");
        form.put("revisionHash", SPANISH_HASH);
        form.put("lang", "es");
        form.put("textLanguage", "es");
        assertThat(http.postForm("/sign/" + statement, form).status()).isEqualTo(303);

        var mail = Statements.mailTo(statement, "signature-confirmation", "red-es@example.org");
        assertThat(mail.language()).isEqualTo("es");
        assertThat(mail.variables()).containsEntry("statementTitle", "Liberen a los defensores");
        String confirmUrl = mail.variables().get("confirmUrl");
        assertThat(http.get(confirmUrl).body())
                .contains(
                        "«Liberen a los defensores»",
                        "Traducción al español de la versión 1 del texto",
                        SPANISH_HASH.substring(0, 12));
        assertThat(http.postForm(confirmUrl, Map.of()).body())
                .contains("Liberen a los defensores", SPANISH_HASH.substring(0, 12));
    }

    @Test
    void withoutAFinalCurrentTranslationTheSignerReadsAndSignsThePrimaryText() {
        UUID statement = Statements.open(http, "Free the defenders", "en", ENGLISH);
        Statements.translate(statement, "fr", 1, "DRAFT", "Libérez-les", "Brouillon.", "f1".repeat(32), false);
        Statements.translate(statement, "es", 1, "FINAL", "Liberen", SPANISH, SPANISH_HASH, true);
        Statements.translate(statement, "ar", 2, "FINAL", "أطلقوا", "نص لمراجعة لاحقة.", "a2".repeat(32), false);
        // one more translation, on the same partition after the others: once it shows, they were all read
        Statements.translate(statement, "ru", 1, "FINAL", "Освободите", "Мы призываем.", "d1".repeat(32), false);
        Eventually.await(
                Statements.WAIT,
                () -> assertThat(http.get("/sign/" + statement + "?lang=ru").body())
                        .contains("Мы призываем."));

        for (String language : new String[] {"fr", "es", "ar"}) {
            var page = http.get("/sign/" + statement + "?lang=" + language);
            assertThat(page.body())
                    .as("a draft, a stale one and one of a revision not seen yet are not signed: " + language)
                    .contains(ENGLISH, "name=\"revisionHash\" value=\"" + Statements.HASH + "\"")
                    .doesNotContain("Brouillon.", SPANISH, "نص لمراجعة لاحقة.");
        }
        Map<String, String> form = Statements.organisation("Ligue", "FR", "ligue-primary@example.org");
        form.put("lang", "fr");
        assertThat(http.postForm("/sign/" + statement, form).status()).isEqualTo(303);
        assertThat(Statements.mailTo(statement, "signature-confirmation", "ligue-primary@example.org")
                        .variables())
                .containsEntry("statementTitle", "Free the defenders");
    }

    @Test
    void aTranslationThatChangedWhileTheSignerReadItIsShownAgainBeforeTheySign() {
        UUID statement = openWithSpanish();
        String newer = "c7".repeat(32);
        Statements.translate(statement, "es", 1, "FINAL", "Liberen a los defensores", "Texto corregido.", newer, false);
        Eventually.await(
                Statements.WAIT,
                () -> assertThat(http.get("/sign/" + statement + "?lang=es").body())
                        .contains("Texto corregido."));

        Map<String, String> form = Statements.organisation("Defensores", "MX", "red-stale@example.org");
        form.put("revisionHash", SPANISH_HASH);
        form.put("lang", "es");
        form.put("textLanguage", "es");
        var answer = http.postForm("/sign/" + statement, form);

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.body())
                .contains("Texto corregido.", "name=\"revisionHash\" value=\"" + newer + "\"", "value=\"Defensores\"");
    }

    @Test
    void aSpanishSignerReConsentsToTheSpanishTranslationOfTheRevisedText() {
        UUID statement = openWithSpanish();
        Map<String, String> form = Statements.organisation("Defensores", "MX", "red-reconsent@example.org");
        form.put("revisionHash", SPANISH_HASH);
        form.put("lang", "es");
        form.put("textLanguage", "es");
        Statements.signAndConfirm(http, statement, form);

        String revised = "d4".repeat(32);
        Statements.revise(statement, 2, "Free the defenders", "We call for their release now.", revised, true);
        Statements.translate(statement, "es", 1, "FINAL", "Liberen a los defensores", SPANISH, SPANISH_HASH, true);
        String revisedSpanish = "b8".repeat(32);
        Statements.translate(
                statement,
                "es",
                2,
                "FINAL",
                "Liberen a los defensores",
                "Pedimos su liberación ya.",
                revisedSpanish,
                false);
        String link = Statements.mailTo(statement, "reconsent-request", "red-reconsent@example.org")
                .variables()
                .get("reconsentUrl");
        assertThat(link).contains("lang=es");
        Eventually.await(
                Statements.WAIT, () -> assertThat(http.get(link).body()).contains("Pedimos su liberación ya."));

        var page = http.get(link);
        assertThat(page.body())
                .contains(
                        "Traducción al español de la versión 2 del texto",
                        revisedSpanish.substring(0, 12),
                        "name=\"textHash\" value=\"" + revisedSpanish + "\"")
                .doesNotContain("We call for their release now.");
        var confirmed = http.postForm(link, Map.of("textLanguage", "es", "textHash", revisedSpanish));
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.body()).contains("versión 2 del texto", revisedSpanish.substring(0, 12));
    }

    @Test
    void theSignPageSaysWhenSignOnClosesInTheSignersLanguageAndTheStatementsTimeZone() {
        UUID statement = Statements.open(http, "Free the defenders", "en", ENGLISH);
        Instant deadline = ZonedDateTime.of(2031, 1, 2, 17, 0, 0, 0, ZoneId.of("Europe/Paris"))
                .toInstant();
        Statements.deadline(statement, deadline, "Europe/Paris");
        Eventually.await(
                Duration.ofSeconds(20),
                () -> assertThat(http.get("/sign/" + statement).body()).contains("Sign-on closes on"));

        assertThat(http.get("/sign/" + statement).body()).contains("Sign-on closes on January 2, 2031", "5:00");
        assertThat(http.get("/sign/" + statement + "?lang=fr").body())
                .contains("Les signatures seront closes le 2 janvier 2031", "17:00");
        assertThat(http.get("/sign/" + statement + "?lang=ar").body()).contains("يُغلق باب التوقيع في");
    }
}
