package org.chorus.distribution.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailTemplatesTest {
    private static final List<String> LANGUAGES = List.of("en", "fr", "es", "ar", "zh", "ru");
    private static final Map<String, Map<String, String>> TEMPLATES = Map.of(
            "invitation",
            Map.of(
                    "statementTitle", "Free the defenders",
                    "organisation", "Lawyers for Lawyers",
                    "signUrl", "https://sign.example.org/s/abc",
                    "deadline", "10 February 2025"),
            "invitation-reminder",
            Map.of(
                    "statementTitle", "Free the defenders",
                    "organisation", "Lawyers for Lawyers",
                    "signUrl", "https://sign.example.org/s/abc",
                    "number", "2"),
            "reconsent-request",
            Map.of(
                    "statementTitle", "Free the defenders",
                    "signerName", "Amina",
                    "reconsentUrl", "https://sign.example.org/r/xyz",
                    "deadline", "10 February 2025"),
            "signature-confirmation",
            Map.of(
                    "statementTitle", "Free the defenders",
                    "signerName", "Amina",
                    "confirmUrl", "https://sign.example.org/c/123"));

    private final MailTemplates templates = new MailTemplates();

    @Test
    void everyMailOtherServicesRequestExistsInTheSixUnLanguagesWithItsLinkOnALineOfItsOwn() {
        TEMPLATES.forEach((template, variables) -> {
            String url = variables.entrySet().stream()
                    .filter(e -> e.getKey().endsWith("Url"))
                    .findFirst()
                    .orElseThrow()
                    .getValue();
            for (String language : LANGUAGES) {
                var mail = templates.render(template, language, variables).orElseThrow();
                assertThat(getClass().getResource("/mail/" + template + "_" + language + ".txt"))
                        .as("%s in %s", template, language)
                        .isNotNull();
                assertThat(mail.subject())
                        .as("%s_%s subject", template, language)
                        .contains("Free the defenders");
                assertThat(mail.body().lines())
                        .as("%s_%s body", template, language)
                        .contains(url);
                assertThat(mail.body()).doesNotContain("${").doesNotContain("[(");
                variables
                        .values()
                        .forEach(value -> assertThat(mail.subject() + mail.body())
                                .as("%s_%s uses %s", template, language, value)
                                .contains(value));
            }
        });
    }

    private static final Map<String, String> GREETINGS_WITHOUT_NAME = Map.of(
            "en", "Hello,",
            "fr", "Bonjour,",
            "es", "Hola:",
            "ar", "مرحباً،",
            "zh", "您好：",
            "ru", "Здравствуйте!");

    @Test
    void aWithheldSignerIsNeverGreetedWithAnEmptyName() {
        for (String template : List.of("signature-confirmation", "reconsent-request")) {
            for (Map<String, String> withheld : List.of(
                    Map.of(
                            "statementTitle",
                            "Free the defenders",
                            "confirmUrl",
                            "u",
                            "reconsentUrl",
                            "u",
                            "deadline",
                            "d"),
                    Map.of(
                            "statementTitle",
                            "Free the defenders",
                            "signerName",
                            " ",
                            "contactName",
                            "",
                            "confirmUrl",
                            "u",
                            "reconsentUrl",
                            "u",
                            "deadline",
                            "d"))) {
                for (String language : LANGUAGES) {
                    var mail = templates.render(template, language, withheld).orElseThrow();
                    assertThat(mail.body().lines().findFirst())
                            .as("%s_%s", template, language)
                            .contains(GREETINGS_WITHOUT_NAME.get(language));
                    assertThat(mail.body()).doesNotContain("Dear ,", " ,", "null");
                }
            }
        }
    }

    @Test
    void theConfirmationHoldsTheManageLinkInEveryLanguage() {
        for (String language : LANGUAGES) {
            var mail = templates
                    .render(
                            "signature-confirmation",
                            language,
                            Map.of(
                                    "statementTitle",
                                    "Free the defenders",
                                    "signerName",
                                    "Amina",
                                    "confirmUrl",
                                    "https://sign.example.org/confirm/123?lang=" + language,
                                    "manageUrl",
                                    "https://sign.example.org/manage/123?lang=" + language))
                    .orElseThrow();
            assertThat(mail.body().lines())
                    .as(language)
                    .contains(
                            "https://sign.example.org/confirm/123?lang=" + language,
                            "https://sign.example.org/manage/123?lang=" + language);
            assertThat(mail.body()).doesNotContain("\n\n\n");
        }
    }

    @Test
    void aLanguageTagWithARegionIsTheLanguage() {
        var mail = templates
                .render(
                        "signature-confirmation",
                        "fr-CH",
                        Map.of("statementTitle", "Déclaration", "signerName", "Amina", "confirmUrl", "u"))
                .orElseThrow();
        assertThat(mail.language()).isEqualTo("fr");
        assertThat(mail.body()).startsWith("Bonjour Amina,");
    }

    @Test
    void theConfirmationGreetsTheOrganisationsContactPersonByNameInEveryLanguage() {
        for (String language : LANGUAGES) {
            var toContact = templates
                    .render(
                            "signature-confirmation",
                            language,
                            Map.of(
                                    "statementTitle", "Free the defenders",
                                    "signerName", "Lawyers for Lawyers",
                                    "contactName", "Amina Diallo",
                                    "confirmUrl", "https://sign.example.org/c/123"))
                    .orElseThrow();
            assertThat(toContact.body()).as(language).contains("Amina Diallo").doesNotContain("Lawyers for Lawyers");
            var toOrganisation = templates
                    .render(
                            "signature-confirmation",
                            language,
                            Map.of(
                                    "statementTitle", "Free the defenders",
                                    "signerName", "Lawyers for Lawyers",
                                    "confirmUrl", "https://sign.example.org/c/123"))
                    .orElseThrow();
            assertThat(toOrganisation.body()).as(language).contains("Lawyers for Lawyers");
        }
    }
}
