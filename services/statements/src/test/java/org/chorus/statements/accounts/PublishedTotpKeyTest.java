package org.chorus.statements.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class PublishedTotpKeyTest {
    private static final String PUBLISHED = "ZGV2LW9ubHktdG90cC1rZXktbm90LWZvci11c2UhISE=";

    @Test
    void aProductionServiceRefusesToSealSecondFactorsUnderThePublishedKey() {
        MockEnvironment production = new MockEnvironment().withProperty("chorus.accounts.totp-key", PUBLISHED);
        production.setActiveProfiles("prod");

        assertThatThrownBy(() -> new TotpSecrets(production))
                .hasMessageContaining("chorus.accounts.totp-key is the published development key");
    }

    @Test
    void theDevStackSealsAndOpensSecondFactorsWithTheDevelopmentKey() {
        TotpSecrets secrets =
                new TotpSecrets(new MockEnvironment().withProperty("chorus.accounts.totp-key", PUBLISHED));

        assertThat(secrets.open(secrets.seal("GEZDGNBVGY3TQOJQ"))).isEqualTo("GEZDGNBVGY3TQOJQ");
    }
}
