package org.chorus.signatures.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.chorus.signatures.signon.Statements;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The signer's own pages after the sign page (manage, withdraw, re-consent, decline, messages, form errors) speak the
 * statement's language, or the one picked with {@code ?lang=}, right to left for Arabic.
 */
@ChorusServiceTest
class SignerPagesInTheirLanguageTest {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http("http://localhost:" + port);
    }

    @Test
    void anArabicSignerCorrectsAndWithdrawsRightToLeftInArabic() {
        UUID statement = Statements.open(http, "بيان مشترك", "ar", "نحث الحكومة على الإفراج عن المدافعين.");
        Map<String, String> form = Statements.organisation("مركز القاهرة", "EG", "cairo-manage@example.org");
        Statements.signAndConfirm(http, statement, form);
        String manageUrl = Statements.mailTo(statement, "signature-confirmation", "cairo-manage@example.org")
                .variables()
                .get("manageUrl");

        var page = http.get(manageUrl);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("dir=\"rtl\"", "lang=\"ar\"", "توقيعك", "اسحب توقيعي", "احفظ التصحيح");

        var invalid = http.postForm(
                manageUrl, Map.of("name", "", "country", "XX", "qualifier", "", "visibility", "PUBLIC", "lang", "ar"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body())
                .contains("dir=\"rtl\"", "يرجى إدخال الاسم الذي سيظهر.", "يرجى اختيار بلد من القائمة.");

        var withdrawn = http.postForm(Statements.below(manageUrl, "/withdrawal"), Map.of("lang", "ar"));
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.body()).contains("dir=\"rtl\"", "تم سحب التوقيع");

        var gone = http.get(manageUrl);
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.body()).contains("dir=\"rtl\"", "لم يعد التوقيع محتسبًا");
    }

    @Test
    void aFrenchSignerWhoMistypesTheAddressReadsTheErrorInFrench() {
        UUID statement = Statements.open(http, "Déclaration commune", "fr", "Nous demandons la libération.");
        Map<String, String> form = Statements.organisation("Ligue des droits", "FR", "not-an-address");
        form.put("authorised", "");

        var answer = http.postForm("/sign/" + statement, form);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body())
                .contains(
                        "lang=\"fr\"",
                        "Veuillez corriger les champs signalés.",
                        "Veuillez indiquer une adresse e-mail valide.",
                        "Veuillez confirmer que vous pouvez signer au nom de cette organisation.",
                        "value=\"Ligue des droits\"");
    }

    @Test
    void aFrenchSignerCorrectsInFrenchAndCanSwitchTheManagePageToChinese() {
        UUID statement = Statements.open(http, "Déclaration sur Hong Kong", "fr", "Nous soutenons la société civile.");
        Statements.signAndConfirm(
                http, statement, Statements.organisation("Solidarité Chine", "FR", "solidarite-manage@example.org"));
        String manageUrl = Statements.mailTo(statement, "signature-confirmation", "solidarite-manage@example.org")
                .variables()
                .get("manageUrl");

        var invalid = http.postForm(
                manageUrl, Map.of("name", "x".repeat(201), "country", "FR", "qualifier", "", "visibility", "PUBLIC"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("lang=\"fr\"", "Le nom doit compter moins de 200 caractères.");

        var chinese = http.get(Statements.inLanguage(manageUrl, "zh"));
        assertThat(chinese.body()).contains("lang=\"zh\"", "撤回我的签名", "法国");
    }

    @Test
    void aSignerConfirmsARevisedTextInFrenchAfterSwitchingFromEnglish() {
        UUID statement = Statements.open(http, "Free them all", "en", "We call for the release of defenders.");
        Statements.signAndConfirm(
                http, statement, Statements.organisation("Ligue des droits", "FR", "ldh-reconsent@example.org"));
        Statements.revise(statement, 2, "Free them all", "We call for their release now.", "c".repeat(64), true);
        String link = Statements.mailTo(statement, "reconsent-request", "ldh-reconsent@example.org")
                .variables()
                .get("reconsentUrl");

        var english = http.get(link);
        assertThat(english.body()).contains("Please confirm the revised text", "?lang=fr");
        var french = http.get(Statements.inLanguage(link, "fr"));
        assertThat(french.body())
                .contains("lang=\"fr\"", "Veuillez confirmer le texte révisé", "Je confirme le texte révisé");

        var confirmed = http.postForm(Statements.inLanguage(link, "fr"), Map.of());
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Texte révisé confirmé", "version 2 du texte");
    }

    @Test
    void aRussianInviteeDeclinesInRussian() {
        UUID statement = Statements.open(http, "Совместное заявление", "ru", "Мы призываем освободить защитников.");
        assertThat(http.postJson(
                                "/api/statements/" + statement + "/invitations",
                                Map.of(
                                        "invitations",
                                        List.of(Map.of(
                                                "organisation",
                                                "Мемориал",
                                                "email",
                                                "memorial-decline@example.org",
                                                "language",
                                                "ru"))))
                        .status())
                .isEqualTo(201);
        String declineUrl = Statements.mailTo(statement, "invitation", "memorial-decline@example.org")
                .variables()
                .get("declineUrl");

        var page = http.get(declineUrl);
        assertThat(page.body()).contains("lang=\"ru\"", "Отклонить приглашение", "Мемориал", "Мы не будем подписывать");

        var declined = http.postForm(declineUrl, Map.of());
        assertThat(declined.status()).isEqualTo(200);
        assertThat(declined.body()).contains("Спасибо, что сообщили");

        var forged = http.get("/sign/" + statement + "/decline?invitation=forged&lang=es");
        assertThat(forged.status()).isEqualTo(404);
        assertThat(forged.body()).contains("lang=\"es\"", "Enlace no válido");
    }

    @Test
    void everyPageTextExistsInAllSixLanguages() {
        Properties english = bundle("signatures_en");
        for (String language : PageLanguage.SUPPORTED) {
            assertThat(bundle("signatures_" + language).stringPropertyNames())
                    .as(language)
                    .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        }
        assertThat(bundle("signatures").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    }

    private static Properties bundle(String name) {
        try (var in = SignerPagesInTheirLanguageTest.class.getResourceAsStream("/messages/" + name + ".properties")) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
