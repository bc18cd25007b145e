package org.chorus.signatures.identity;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class PublishedMasterKeyTest {

    @Test
    void aProductionServiceRefusesToSealWithheldIdentitiesUnderThePublishedMasterKey() {
        MockEnvironment production = new MockEnvironment()
                .withProperty("chorus.signatures.master-key", "ZGV2LW9ubHktbWFzdGVyLWtleS1ub3QtZm9yLXVzZSE=");
        production.setActiveProfiles("prod");

        assertThatThrownBy(() -> new SealedIdentities(null, Clock.systemUTC(), production))
                .hasMessageContaining("chorus.signatures.master-key is the published development key");
    }
}
