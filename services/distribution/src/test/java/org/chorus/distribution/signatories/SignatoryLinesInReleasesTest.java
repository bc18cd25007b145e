package org.chorus.distribution.signatories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.chorus.platform.text.SignatoryLines;
import org.chorus.testsupport.XiamenSeed;
import org.junit.jupiter.api.Test;

class SignatoryLinesInReleasesTest {
    private static final XiamenSeed XIAMEN = XiamenSeed.load();

    @Test
    void theXiamenSignatoriesRenderExactlyAsTheSeedListsThem() {
        List<SignatoryLines.Signatory> signatories = XIAMEN.signatories().stream()
                .map(s -> new SignatoryLines.Signatory(s.name(), s.countryCode(), s.qualifier()))
                .toList();

        assertThat(SignatoryLines.lines(signatories, Locale.forLanguageTag("en")))
                .containsExactlyElementsOf(XIAMEN.signatoryBlock());
    }

    @Test
    void countryNamesFollowTheStatementLanguage() {
        var lawyers = new SignatoryLines.Signatory("Lawyers for Lawyers", "NL", null);
        var fidh = new SignatoryLines.Signatory("FIDH", null, "within the framework of the Observatory");

        assertThat(SignatoryLines.lines(List.of(lawyers, fidh), Locale.FRENCH))
                .containsExactly(
                        "  1. Lawyers for Lawyers (Pays-Bas)", "  2. FIDH, within the framework of the Observatory");
        assertThat(SignatoryLines.lines(List.of(lawyers), Locale.forLanguageTag("es")))
                .containsExactly("  1. Lawyers for Lawyers (Países Bajos)");
    }
}
