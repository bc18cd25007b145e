package org.chorus.distribution.signatories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chorus.testsupport.XiamenSeed;
import org.junit.jupiter.api.Test;

class SignatoryBlockTest {
    private static final XiamenSeed XIAMEN = XiamenSeed.load();

    @Test
    void theXiamenSignatoriesRenderExactlyAsTheSeedListsThem() {
        List<SignatoryBlock.Signatory> signatories = XIAMEN.signatories().stream()
                .map(s -> new SignatoryBlock.Signatory(s.name(), s.countryCode(), s.qualifier()))
                .toList();

        assertThat(SignatoryBlock.lines(signatories, "en")).containsExactlyElementsOf(XIAMEN.signatoryBlock());
    }

    @Test
    void countryNamesFollowTheStatementLanguage() {
        var lawyers = new SignatoryBlock.Signatory("Lawyers for Lawyers", "NL", null);
        var fidh = new SignatoryBlock.Signatory("FIDH", null, "within the framework of the Observatory");

        assertThat(SignatoryBlock.lines(List.of(lawyers, fidh), "fr"))
                .containsExactly(
                        "  1. Lawyers for Lawyers (Pays-Bas)", "  2. FIDH, within the framework of the Observatory");
        assertThat(SignatoryBlock.lines(List.of(lawyers), "es"))
                .containsExactly("  1. Lawyers for Lawyers (Países Bajos)");
    }
}
