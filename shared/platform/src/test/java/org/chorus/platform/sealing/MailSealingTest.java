package org.chorus.platform.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.subtle.X25519;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.chorus.events.MailRequested;
import org.chorus.events.MalformedEventException;
import org.chorus.events.SealedMailRequested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class MailSealingTest {
    private static final String SUBJECT = "5d2b7c1e-0a3f-4c55-9e1b-2f6f1c0d9a11";

    private static MailRequested confirmation() {
        return new MailRequested(
                UUID.randomUUID(),
                "signature-confirmation",
                "fr",
                "withheld-signer@example.org",
                "Défenseurs anonymes",
                Map.of("confirmUrl", "https://sign.example.org/confirm/secret-token-123"));
    }

    private static MailSealer developmentSealer() {
        return new MailSealer(
                new Sealer(DevelopmentKeys.KEY_ID, Base64.getDecoder().decode(DevelopmentKeys.PUBLIC_KEY)));
    }

    @Test
    void aSealedMailRequestShowsOnlyWhatRoutingNeedsAndOpensForDistributionAlone() {
        MailRequested request = confirmation();
        SealedMailRequested sealed = developmentSealer().seal(SUBJECT, request);

        assertThat(sealed.requestId()).isEqualTo(request.requestId());
        assertThat(sealed.template()).isEqualTo("signature-confirmation");
        assertThat(sealed.language()).isEqualTo("fr");
        assertThat(sealed.keyId()).isEqualTo("dev1");
        assertThat(sealed.toString()).doesNotContain("withheld-signer", "secret-token-123", "anonymes");
        assertThat(DevelopmentKeys.mailOpener().open(SUBJECT, sealed)).isEqualTo(request);
    }

    @Test
    void aSealedPartMovedToAnotherRequestOrStatementOrTamperedWithDoesNotOpen() {
        SealedMailRequested sealed = developmentSealer().seal(SUBJECT, confirmation());
        MailOpener opener = DevelopmentKeys.mailOpener();

        SealedMailRequested otherRequest = new SealedMailRequested(
                UUID.randomUUID(), sealed.template(), sealed.language(), sealed.keyId(), sealed.sealed());
        SealedMailRequested otherTemplate = new SealedMailRequested(
                sealed.requestId(), "invitation", sealed.language(), sealed.keyId(), sealed.sealed());
        byte[] bytes = Base64.getDecoder().decode(sealed.sealed());
        bytes[bytes.length - 1] ^= 1;
        SealedMailRequested tampered = new SealedMailRequested(
                sealed.requestId(),
                sealed.template(),
                sealed.language(),
                sealed.keyId(),
                Base64.getEncoder().encodeToString(bytes));

        assertThatThrownBy(() -> opener.open(UUID.randomUUID().toString(), sealed))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> opener.open(SUBJECT, otherRequest)).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> opener.open(SUBJECT, otherTemplate)).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> opener.open(SUBJECT, tampered)).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void duringARotationDistributionOpensWhatWasSealedUnderTheOldKeyAndTheNewOne() {
        byte[] oldKey = Base64.getDecoder().decode(DevelopmentKeys.PRIVATE_KEY);
        byte[] newKey = X25519.generatePrivateKey();
        MailSealer oldSealer = developmentSealer();
        MailSealer newSealer = new MailSealer(new Sealer("k2027", Hpke.publicFromPrivate(newKey)));
        MailOpener both = new MailOpener(new Opener(Map.of("dev1", oldKey, "k2027", newKey)));
        MailOpener newOnly = new MailOpener(new Opener(Map.of("k2027", newKey)));

        SealedMailRequested before = oldSealer.seal(SUBJECT, confirmation());
        SealedMailRequested after = newSealer.seal(SUBJECT, confirmation());

        assertThat(both.open(SUBJECT, before).recipientAddress()).isEqualTo("withheld-signer@example.org");
        assertThat(both.open(SUBJECT, after).recipientAddress()).isEqualTo("withheld-signer@example.org");
        assertThatThrownBy(() -> newOnly.open(SUBJECT, before))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("no private key with id 'dev1'");
    }

    @Test
    void underTheProdProfileNeitherARequesterNorDistributionStartsWithThePublishedDevelopmentKeys() {
        ApplicationContextRunner requester = new ApplicationContextRunner()
                .withUserConfiguration(MailSealing.Requester.class)
                .withPropertyValues(
                        "chorus.sealing.key-id=dev1", "chorus.sealing.public-key=" + DevelopmentKeys.PUBLIC_KEY);
        ApplicationContextRunner distribution = new ApplicationContextRunner()
                .withUserConfiguration(MailSealing.Distribution.class)
                .withPropertyValues("chorus.sealing.private-keys=dev1:" + DevelopmentKeys.PRIVATE_KEY);

        requester.run(context -> assertThat(context).hasSingleBean(MailSealer.class));
        distribution.run(context -> assertThat(context).hasSingleBean(MailOpener.class));
        requester
                .withPropertyValues("spring.profiles.active=prod")
                .run(context -> assertThat(context)
                        .getFailure()
                        .hasRootCauseMessage(
                                "chorus.sealing.public-key is the published development key; the prod profile"
                                        + " needs the public half of this deployment's own key (README, Privacy)."));
        distribution
                .withPropertyValues("spring.profiles.active=prod")
                .run(context ->
                        assertThat(context).getFailure().rootCause().hasMessageContaining("published development key"));
        new ApplicationContextRunner()
                .withUserConfiguration(MailSealing.Distribution.class)
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("is empty"));
    }

    @Test
    void aDeploymentsOwnKeysAreTakenUnderTheProdProfile() {
        byte[] own = X25519.generatePrivateKey();
        String publicKey = Base64.getEncoder().encodeToString(Hpke.publicFromPrivate(own));
        new ApplicationContextRunner()
                .withUserConfiguration(MailSealing.Requester.class, MailSealing.Distribution.class)
                .withPropertyValues(
                        "spring.profiles.active=prod",
                        "chorus.sealing.key-id=k2027",
                        "chorus.sealing.public-key=" + publicKey,
                        "chorus.sealing.private-keys=k2027:"
                                + Base64.getEncoder().encodeToString(own))
                .run(context -> {
                    SealedMailRequested sealed =
                            context.getBean(MailSealer.class).seal(SUBJECT, confirmation());
                    assertThat(context.getBean(MailOpener.class)
                                    .open(SUBJECT, sealed)
                                    .recipientName())
                            .isEqualTo("Défenseurs anonymes");
                });
    }
}
