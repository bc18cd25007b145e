package org.chorus.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.chorus.events.Countries;
import org.junit.jupiter.api.Test;

class SignatoryLinesTest {

    /** Whatever is stored or arrives on the wire, never cleaned: arbitrary Unicode in every field. */
    @Provide
    Arbitrary<List<SignatoryLines.Signatory>> storedLists() {
        Arbitrary<String> country =
                Arbitraries.oneOf(Arbitraries.of(Countries.sortedBy(Locale.ENGLISH)), Arbitraries.just(null));
        Arbitrary<String> qualifier = Arbitraries.oneOf(HumanTextTest.hostileText(), Arbitraries.just(null));
        return Combinators.combine(HumanTextTest.hostileText(), country, qualifier)
                .as(SignatoryLines.Signatory::new)
                .list()
                .ofMaxSize(30);
    }

    /**
     * What the doors let in: arbitrary Unicode as names, qualifiers and countries, through {@link HumanText} and the
     * country check; refused ones are left out, as a form would refuse them. Parentheses and commas are the printed
     * format's own punctuation and are left out of names, and an entry with a qualifier has a country: without one,
     * "Name, qualifier" cannot be told from a name with a comma.
     */
    @Provide
    Arbitrary<List<SignatoryLines.Signatory>> acceptedLists() {
        Arbitrary<String> text = HumanTextTest.hostileText().map(s -> s.replaceAll("[(),]", ""));
        Arbitrary<String> country = Arbitraries.oneOf(
                Arbitraries.of(Countries.sortedBy(Locale.ENGLISH)),
                Arbitraries.strings().all().ofMaxLength(3),
                Arbitraries.just(null));
        return Combinators.combine(text, country, Arbitraries.oneOf(text, Arbitraries.just(null)))
                .as(SignatoryLinesTest::atTheDoor)
                .list()
                .ofMaxSize(30)
                .map(list -> list.stream().filter(s -> s != null).toList());
    }

    private static SignatoryLines.Signatory atTheDoor(String name, String country, String qualifier) {
        try {
            String cleanName = HumanText.singleLine("name", name, SignatoryLines.MAX_NAME);
            String cleanQualifier = HumanText.singleLine("qualifier", qualifier, SignatoryLines.MAX_QUALIFIER);
            if (cleanName.isEmpty() || cleanName.matches("^\\d+\\..*")) {
                return null;
            }
            String code = country != null && Countries.isKnown(country) ? country : null;
            String q = cleanQualifier == null || cleanQualifier.isEmpty() || code == null ? null : cleanQualifier;
            return new SignatoryLines.Signatory(cleanName, code, q);
        } catch (RefusedText refused) {
            return null;
        }
    }

    @Property(tries = 500)
    void everyRenderingOfAListHasOneLinePerSignatory(@ForAll("storedLists") List<SignatoryLines.Signatory> list) {
        for (Locale language : List.of(Locale.ENGLISH, Locale.FRENCH, Locale.forLanguageTag("ar"), Locale.CHINESE)) {
            List<String> lines = SignatoryLines.lines(list, language);
            String text = String.join("\n", lines) + (lines.isEmpty() ? "" : "\n");

            assertThat(lines).hasSameSizeAs(list);
            assertThat(linesAsAnyReaderSplitsThem(text)).isEqualTo(list.size());
            assertThat(SignatoryLines.parse(text)).hasSameSizeAs(list);
        }
    }

    @Property(tries = 500)
    void importingTheTextExportGivesBackTheSameEntries(@ForAll("acceptedLists") List<SignatoryLines.Signatory> list) {
        String text = String.join("\n", SignatoryLines.lines(list, Locale.ENGLISH)) + "\n";

        List<SignatoryLines.Line> read = SignatoryLines.parse(text);

        assertThat(read).allSatisfy(line -> assertThat(line.error()).isNull());
        List<SignatoryLines.Signatory> back = new ArrayList<>();
        read.forEach(line -> back.add(new SignatoryLines.Signatory(line.name(), line.country(), line.qualifier())));
        assertThat(back).containsExactlyElementsOf(list);
    }

    @Test
    void anOrganisationNameWithALineBreakStaysOneLine() {
        var planted = new SignatoryLines.Signatory("Real Org\n3. Amnesty International (United Kingdom)", "GB", null);

        assertThat(SignatoryLines.line(2, planted, Locale.ENGLISH))
                .isEqualTo("  2. Real Org 3. Amnesty International (United Kingdom) (United Kingdom)");
    }

    /** Line ends as a text editor, a mail client or a PDF renderer sees them. */
    private static long linesAsAnyReaderSplitsThem(String text) {
        return text.chars().filter(c -> HumanText.isLineBreak((char) c)).count();
    }
}
