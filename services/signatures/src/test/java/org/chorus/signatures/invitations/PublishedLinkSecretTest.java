package org.chorus.signatures.invitations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** A forged invitation link, signed with the published link secret, must never meet a production service. */
class PublishedLinkSecretTest {
    private static final String PUBLISHED = "ZGV2LW9ubHktbGluay1zZWNyZXQtbm90LWZvci11c2Uh";

    @Test
    void aProductionServiceRefusesToStartWithThePublishedLinkSecretSoNoForgedInvitationIsEverAccepted() {
        MockEnvironment production = new MockEnvironment().withProperty("chorus.signatures.link-secret", PUBLISHED);
        production.setActiveProfiles("prod");

        assertThatThrownBy(() -> new InvitationLinks(production))
                .hasMessageContaining("chorus.signatures.link-secret is the published development key");
    }

    @Test
    void theDevStackKeepsSigningInvitationLinksWithTheDevelopmentSecret() {
        InvitationLinks links =
                new InvitationLinks(new MockEnvironment().withProperty("chorus.signatures.link-secret", PUBLISHED));
        UUID statement = UUID.randomUUID();
        UUID invitation = UUID.randomUUID();
        String token = links.token(statement, invitation, Instant.parse("2100-01-01T00:00:00Z"));

        assertThat(links.check(statement, token, Instant.parse("2030-01-01T00:00:00Z")))
                .isEqualTo(new InvitationLinks.Valid(invitation));
    }
}
