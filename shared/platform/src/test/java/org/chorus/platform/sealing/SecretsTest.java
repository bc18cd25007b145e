package org.chorus.platform.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class SecretsTest {
    private static final String DEV_KEY = "ZGV2LW9ubHktc3VwcHJlc3Npb24ta2V5LW5vdC1mb3ItdXNlISEhIQ==";

    @Test
    void aProductionServiceRefusesToStartWithThePublishedDevelopmentKeyOrWithoutAKey() {
        MockEnvironment production = new MockEnvironment().withProperty("chorus.distribution.suppression-key", DEV_KEY);
        production.setActiveProfiles("prod");
        assertThatThrownBy(() -> Secrets.key(production, "chorus.distribution.suppression-key"))
                .hasMessageContaining("published development key");

        MockEnvironment unset = new MockEnvironment().withProperty("chorus.distribution.suppression-key", "");
        unset.setActiveProfiles("prod");
        assertThatThrownBy(() -> Secrets.key(unset, "chorus.distribution.suppression-key"))
                .hasMessageContaining("missing or shorter than 32 bytes");
    }

    @Test
    void aDeploymentsOwnKeyIsTakenInProductionAndTheDevelopmentKeyElsewhere() {
        byte[] own = new byte[32];
        own[0] = 42;
        MockEnvironment production = new MockEnvironment()
                .withProperty(
                        "chorus.distribution.suppression-key",
                        Base64.getEncoder().encodeToString(own));
        production.setActiveProfiles("prod");
        assertThat(Secrets.key(production, "chorus.distribution.suppression-key"))
                .isEqualTo(own);

        MockEnvironment development =
                new MockEnvironment().withProperty("chorus.distribution.suppression-key", DEV_KEY);
        assertThat(Secrets.key(development, "chorus.distribution.suppression-key"))
                .hasSize(40);
    }
}
