package org.chorus.platform.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.subtle.X25519;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.chorus.events.Envelope;
import org.chorus.events.EventCodec;
import org.chorus.events.EventTypes;
import org.chorus.events.InvitationCreated;
import org.chorus.events.MalformedEventException;
import org.chorus.events.SealedInvitationCreated;
import org.chorus.events.SealedSignatureConfirmed;
import org.chorus.events.SealedSignatureCorrected;
import org.chorus.events.SignatoryKind;
import org.chorus.events.SignatureConfirmed;
import org.chorus.events.SignatureCorrected;
import org.chorus.events.SignatureSubmitted;
import org.chorus.events.Visibility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SignatorySealingTest {
    private static final UUID STATEMENT = UUID.fromString("5d2b7c1e-0a3f-4c55-9e1b-2f6f1c0d9a11");
    private static final String HASH = "3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea";
    private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");

    private static SignatureConfirmed confirmed(UUID id, String name, Visibility visibility) {
        return new SignatureConfirmed(
                id,
                STATEMENT,
                SignatoryKind.ORGANISATION,
                name,
                "NL",
                "Observatory",
                1,
                HASH,
                AT,
                visibility,
                null,
                null);
    }

    @Test
    void aPublicSignatorysNameIsOnTheWireOnlySealedAndOpensForDistributionAlone() {
        UUID id = UUID.randomUUID();
        SealedSignatureConfirmed sealed =
                DevelopmentKeys.signatorySealer().confirmed(confirmed(id, "Lawyers for Lawyers", Visibility.PUBLIC));
        String wire =
                EventCodec.write(Envelope.of(EventTypes.SIGNATURE_CONFIRMED_V2, "/signatures", STATEMENT, AT, sealed));

        assertThat(wire).doesNotContain("Lawyers for Lawyers", "Observatory").contains("\"keyId\":\"dev1\"");
        SignatureConfirmed opened = DevelopmentKeys.signatoryOpener().open(sealed);
        assertThat(opened.name()).isEqualTo("Lawyers for Lawyers");
        assertThat(opened.qualifier()).isEqualTo("Observatory");
        assertThat(opened.country()).isEqualTo("NL");
        assertThat(opened.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(sealed.opened(null).name()).as("as tracking reads it").isNull();

        SignatoryOpener tracking = new SignatoryOpener(new Opener(java.util.Map.of(
                DevelopmentKeys.KEY_ID, Base64.getDecoder().decode(DevelopmentKeys.TRACKING_PRIVATE_KEY))));
        assertThatThrownBy(() -> tracking.open(sealed)).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void aSealedNameMovedToAnotherSignatureOrEventDoesNotOpen() {
        SealedSignatureConfirmed sealed = DevelopmentKeys.signatorySealer()
                .confirmed(confirmed(UUID.randomUUID(), "Lawyers for Lawyers", Visibility.PUBLIC));
        SealedSignatureConfirmed moved = new SealedSignatureConfirmed(
                UUID.randomUUID(),
                STATEMENT,
                sealed.kind(),
                sealed.country(),
                1,
                HASH,
                AT,
                Visibility.PUBLIC,
                null,
                null,
                sealed.keyId(),
                sealed.identity());
        SealedSignatureCorrected asCorrection = new SealedSignatureCorrected(
                sealed.signatureId(),
                STATEMENT,
                sealed.kind(),
                "NL",
                Visibility.PUBLIC,
                sealed.keyId(),
                sealed.identity());

        assertThatThrownBy(() -> DevelopmentKeys.signatoryOpener().open(moved))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> DevelopmentKeys.signatoryOpener().open(asCorrection))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void aWithheldSignatureNamesNobodyInAnyEventEvenIfAskedTo() {
        SignatorySealer sealer = DevelopmentKeys.signatorySealer();
        UUID id = UUID.randomUUID();
        SealedSignatureConfirmed confirmed = sealer.confirmed(confirmed(id, "Quiet Defender", Visibility.WITHHELD));
        SealedSignatureCorrected corrected = sealer.corrected(new SignatureCorrected(
                id, STATEMENT, SignatoryKind.INDIVIDUAL, "Quiet Defender", null, "Lawyer", Visibility.WITHHELD));
        var submitted = sealer.submitted(new SignatureSubmitted(
                id, STATEMENT, SignatoryKind.INDIVIDUAL, "Quiet Defender", "CN", "Lawyer", Visibility.WITHHELD, null));

        assertThat(confirmed.identity()).isNull();
        assertThat(confirmed.keyId()).isNull();
        assertThat(corrected.identity()).isNull();
        assertThat(corrected.visibility()).isEqualTo(Visibility.WITHHELD);
        assertThat(DevelopmentKeys.signatoryOpener().open(corrected).name()).isNull();
        assertThat(EventCodec.write(
                                Envelope.of(EventTypes.SIGNATURE_SUBMITTED_V2, "/signatures", STATEMENT, AT, submitted))
                        + EventCodec.write(
                                Envelope.of(EventTypes.SIGNATURE_CONFIRMED_V2, "/signatures", STATEMENT, AT, confirmed))
                        + EventCodec.write(Envelope.of(
                                EventTypes.SIGNATURE_CORRECTED_V2, "/signatures", STATEMENT, AT, corrected)))
                .doesNotContain("Quiet Defender", "Lawyer", "identity", "keyId");
    }

    @Test
    void anInviteeIsOnTheWireOnlySealedAndOpensForTrackingAlone() {
        UUID invitation = UUID.randomUUID();
        SealedInvitationCreated sealed = DevelopmentKeys.signatorySealer()
                .invitationCreated(new InvitationCreated(invitation, STATEMENT, 2, "Cairo Institute", "EG", "ar"));

        assertThat(EventCodec.write(
                        Envelope.of(EventTypes.INVITATION_CREATED_V2, "/signatures", STATEMENT, AT, sealed)))
                .doesNotContain("Cairo Institute", "\"EG\"")
                .contains("\"keyId\":\"tdev1\"", "\"language\":\"ar\"");
        assertThat(DevelopmentKeys.inviteeOpener().open(sealed))
                .isEqualTo(new InvitationCreated(invitation, STATEMENT, 2, "Cairo Institute", "EG", "ar"));
        InviteeOpener distribution = new InviteeOpener(new Opener(java.util.Map.of(
                DevelopmentKeys.TRACKING_KEY_ID, Base64.getDecoder().decode(DevelopmentKeys.PRIVATE_KEY))));
        assertThatThrownBy(() -> distribution.open(sealed)).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void underTheProdProfileNoServiceStartsWithThePublishedDevelopmentKeysOfSignatoriesOrInvitees() {
        ApplicationContextRunner signatures = new ApplicationContextRunner()
                .withUserConfiguration(SignatorySealing.Signatures.class)
                .withPropertyValues(
                        "chorus.sealing.key-id=dev1",
                        "chorus.sealing.public-key=" + DevelopmentKeys.PUBLIC_KEY,
                        "chorus.sealing.tracking.key-id=tdev1",
                        "chorus.sealing.tracking.public-key=" + DevelopmentKeys.TRACKING_PUBLIC_KEY);
        ApplicationContextRunner tracking = new ApplicationContextRunner()
                .withUserConfiguration(SignatorySealing.Tracking.class)
                .withPropertyValues("chorus.sealing.private-keys=tdev1:" + DevelopmentKeys.TRACKING_PRIVATE_KEY);
        ApplicationContextRunner distribution = new ApplicationContextRunner()
                .withUserConfiguration(SignatorySealing.Distribution.class)
                .withPropertyValues("chorus.sealing.private-keys=dev1:" + DevelopmentKeys.PRIVATE_KEY);

        signatures.run(context -> assertThat(context).hasSingleBean(SignatorySealer.class));
        tracking.run(context -> assertThat(context).hasSingleBean(InviteeOpener.class));
        distribution.run(context -> assertThat(context).hasSingleBean(SignatoryOpener.class));
        for (ApplicationContextRunner runner : java.util.List.of(signatures, tracking, distribution)) {
            runner.withPropertyValues("spring.profiles.active=prod")
                    .run(context -> assertThat(context)
                            .getFailure()
                            .rootCause()
                            .hasMessageContaining("published development key"));
        }
        byte[] own = X25519.generatePrivateKey();
        signatures
                .withPropertyValues(
                        "spring.profiles.active=prod",
                        "chorus.sealing.public-key=" + Base64.getEncoder().encodeToString(Hpke.publicFromPrivate(own)))
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessage("chorus.sealing.tracking.public-key is the published development key; the prod"
                                + " profile needs the public half of this deployment's own key (README, Privacy)."));
        new ApplicationContextRunner()
                .withUserConfiguration(SignatorySealing.Signatures.class)
                .withPropertyValues(
                        "chorus.sealing.key-id=dev1", "chorus.sealing.public-key=" + DevelopmentKeys.PUBLIC_KEY)
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("chorus.sealing.tracking.key-id is missing"));
    }
}
