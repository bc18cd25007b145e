package org.chorus.platform.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.chorus.events.Countries;
import org.chorus.platform.text.SignatoryLines;
import org.junit.jupiter.api.Test;

class LanguagesTest {
    private static final Instant MOMENT = Instant.parse("2027-01-02T08:07:48.301998154Z");

    @Test
    void aPersonsChoiceFallsBackToTheStatementsLanguageThenEnglish() {
        assertThat(Languages.choose("fr", "es")).isEqualTo("fr");
        assertThat(Languages.choose("fr-CH", "es")).isEqualTo("fr");
        assertThat(Languages.choose("de", "es")).isEqualTo("es");
        assertThat(Languages.choose(null, "AR")).isEqualTo("ar");
        assertThat(Languages.choose("de", "x-not-a-language", null)).isEqualTo("en");
        assertThat(Languages.direction("ar")).isEqualTo("rtl");
        assertThat(Languages.direction("fr")).isEqualTo("ltr");
    }

    @Test
    void datesAreWrittenForPeopleInTheirLanguageAndTheStatementsTimeZone() {
        assertThat(spaced(Languages.dateTime(MOMENT, "fr", "Europe/Paris"))).isEqualTo("2 janvier 2027 à 09:07 UTC+1");
        assertThat(spaced(Languages.dateTime(MOMENT, "en", "Europe/Paris")))
                .isEqualTo("January 2, 2027 at 9:07 AM GMT+1");
        assertThat(spaced(Languages.dateTime(MOMENT, "en", null))).contains("January 2, 2027", "8:07", "UTC");
        assertThat(spaced(Languages.dateTime(MOMENT, "ru", "Europe/Moscow"))).contains("2 января 2027 г. в 11:07");
        assertThat(spaced(Languages.dateTime(MOMENT, "zh", "Asia/Shanghai"))).contains("2027年1月2日", "16:07");
        assertThat(spaced(Languages.dateTime(MOMENT, "ar", "Africa/Cairo"))).contains("يناير", "2027");
        assertThat(spaced(Languages.date(MOMENT, "es", "America/Bogota"))).isEqualTo("2 de enero de 2027");
        for (String language : Languages.CODES) {
            assertThat(spaced(Languages.dateTime(MOMENT, language, "Europe/Zurich")))
                    .doesNotContain("T08:07", "2027-01-02", "48");
        }
    }

    /** ICU writes narrow and no-break spaces where a typesetter would; compared here as plain spaces. */
    private static String spaced(String text) {
        return text.replaceAll("\\h", " ");
    }

    @Test
    void theFrenchCountryListIsInTheOrderAFrenchReaderExpects() {
        List<String> names = Countries.sortedBy(Locale.FRENCH).stream()
                .map(code -> Countries.name(code, Locale.FRENCH))
                .toList();
        assertThat(names.indexOf("Égypte")).isBetween(names.indexOf("Danemark"), names.indexOf("Fidji"));
        assertThat(names.get(names.size() - 1)).startsWith("Z");
        assertThat(List.of("Zambie", "Égypte", "Allemagne").stream()
                        .sorted(Languages.collator("fr"))
                        .toList())
                .containsExactly("Allemagne", "Égypte", "Zambie");
    }

    @Test
    void aListSaysHowManySignatoriesAreNotNamedInEachLanguage() {
        assertThat(SignatoryLines.notNamed(0, "en")).isEmpty();
        assertThat(SignatoryLines.notNamed(1, "en")).contains("and 1 signatory who asked not to be named");
        assertThat(SignatoryLines.notNamed(2, "en")).contains("and 2 signatories who asked not to be named");
        assertThat(SignatoryLines.notNamed(1, "fr")).contains("et 1 signataire qui a demandé à ne pas être nommé");
        assertThat(SignatoryLines.notNamed(3, "fr")).contains("et 3 signataires qui ont demandé à ne pas être nommés");
        assertThat(SignatoryLines.notNamed(21, "ru")).contains("и ещё 21 подписавший, попросивший не называть его");
        assertThat(SignatoryLines.notNamed(3, "ru")).contains("и ещё 3 подписавших, попросивших не называть их");
        assertThat(SignatoryLines.notNamed(1, "ar")).contains("وموقّع واحد طلب عدم ذكر اسمه");
        assertThat(SignatoryLines.notNamed(2, "ar")).contains("وموقّعان طلبا عدم ذكر اسميهما");
        assertThat(SignatoryLines.notNamed(11, "ar").orElseThrow()).contains("موقّعًا");
        assertThat(SignatoryLines.notNamed(5, "zh")).contains("以及 5 位要求不公开姓名的签署方");
        assertThat(SignatoryLines.notNamed(2, "de")).contains("and 2 signatories who asked not to be named");
    }

    @Property
    void everyCountOfUnnamedSignatoriesIsSaidInEveryLanguage(@ForAll @IntRange(min = 1, max = 2_000_000) int count) {
        for (String language : Languages.CODES) {
            String line = SignatoryLines.notNamed(count, language).orElseThrow();
            assertThat(line).isNotBlank().doesNotContain("{", "}", "#");
            if (!"ar".equals(language) || count > 2) {
                assertThat(line.replaceAll("\\D", "")).isEqualTo(String.valueOf(count));
            }
        }
    }
}
