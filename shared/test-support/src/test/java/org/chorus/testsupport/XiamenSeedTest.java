package org.chorus.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XiamenSeedTest {
    private final XiamenSeed seed = XiamenSeed.load();

    @Test
    void readsTitleBodyAndAllThirtyFourSignatories() {
        assertThat(seed.title()).contains("Xiamen gathering").endsWith("crackdown");
        assertThat(seed.body()).startsWith("On the fifth anniversary").contains("4. Rescind the travel bans");
        assertThat(seed.signatoryBlock()).hasSize(34);
        assertThat(seed.signatories()).hasSize(34);
    }

    @Test
    void separatesCountryFromAcronymsAndKeepsQualifiers() {
        assertThat(seed.signatories().get(2))
                .isEqualTo(new XiamenSeed.Signatory("Asian Lawyers Network (ALN)", "JP", null));
        assertThat(seed.signatories().get(7).countryCode()).isNull();
        assertThat(seed.signatories().get(9))
                .isEqualTo(new XiamenSeed.Signatory(
                        "International Federation for Human Rights (FIDH)",
                        null,
                        "within the framework of the Observatory for the Protection of Human Rights Defenders"));
        assertThat(seed.signatories().get(29))
                .isEqualTo(new XiamenSeed.Signatory(
                        "Centro de Derechos Humanos Fray Francisco de Vitoria OP, A.C.", "MX", null));
        assertThat(seed.signatories().stream().filter(s -> "GB".equals(s.countryCode())))
                .hasSize(4);
        assertThat(seed.signatories().get(12))
                .as("a name followed by a no-break space")
                .isEqualTo(new XiamenSeed.Signatory("Judicial Reform Foundation", "TW", null));
        assertThat(seed.signatoryBlock().get(12)).isEqualTo("  13. Judicial Reform Foundation (Taiwan)");
    }
}
