package org.chorus.distribution.releases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.chorus.platform.text.SignatoryLines;
import org.junit.jupiter.api.Test;

/** The release a journalist receives lists each signatory on exactly one line. */
class ReleaseMailTest {

    @Test
    void anOrganisationNameWithALineBreakStaysOneLineInTheReleaseMail() {
        var planted = new SignatoryLines.Signatory("Real Org\n3. Amnesty International (United Kingdom)", "GB", null);
        var other = new SignatoryLines.Signatory("Lawyers for Lawyers", "NL", "with\u2028a qualifier");

        String body = ReleaseMail.render(
                        new ReleaseMail.Text("en", "Title", "Text."),
                        List.of(other, planted),
                        "https://chorus.example/unsubscribe/t",
                        null)
                .body();

        assertThat(signatoryLines(body))
                .containsExactly(
                        "  1. Lawyers for Lawyers (Netherlands), with a qualifier",
                        "  2. Real Org 3. Amnesty International (United Kingdom) (United Kingdom)");
        assertThat(ReleaseMail.render(new ReleaseMail.Text("en", "Title\nBcc: x", "Text."), List.of(), "u", null)
                        .subject())
                .isEqualTo("Title Bcc: x");
    }

    @Provide
    Arbitrary<List<SignatoryLines.Signatory>> signatories() {
        Arbitrary<String> text = Arbitraries.strings()
                .all()
                .ofMaxLength(20)
                .map(s -> s + "\n\u2028\u0085\r" + s)
                .injectNull(0.2);
        return Combinators.combine(text.map(s -> s == null ? "x" : s), Arbitraries.of("FR", "CN", "EG"), text)
                .as(SignatoryLines.Signatory::new)
                .list()
                .ofMaxSize(20);
    }

    @Property(tries = 200)
    void everyReleaseInEveryLanguageHasOneLinePerSignatory(
            @ForAll("signatories") List<SignatoryLines.Signatory> list, @ForAll("languages") String language) {
        String body = ReleaseMail.render(new ReleaseMail.Text(language, "T", "Text."), list, "u", null)
                .body();

        assertThat(signatoryLines(body)).hasSameSizeAs(list);
    }

    @Provide
    Arbitrary<String> languages() {
        return Arbitraries.of("en", "fr", "es", "ar", "zh", "ru");
    }

    /** The lines between the "Signatories:" heading and the signature separator, as a mail client breaks them. */
    private static List<String> signatoryLines(String body) {
        int heading = body.indexOf("\n\n", body.indexOf("Text.\n\n") + "Text.\n\n".length()) + 2;
        String block = body.substring(heading, body.indexOf("\n\n-- \n", heading - 2));
        return block.isEmpty() ? List.of() : List.of(block.split("\r\n|[\n\r\u000B\u000C\u0085\u2028\u2029]", -1));
    }
}
