package org.chorus.platform.sealing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.chorus.events.EventCodec;
import org.chorus.events.EventTypes;
import org.chorus.events.InvitationCreated;
import org.chorus.events.InviteeIdentity;
import org.chorus.events.SealedInvitationCreated;
import org.chorus.events.SealedSignatureConfirmed;
import org.chorus.events.SealedSignatureCorrected;
import org.chorus.events.SignatoryIdentity;
import org.chorus.events.SignatureConfirmed;
import org.chorus.events.SignatureCorrected;
import org.chorus.events.SignatureSubmitted;
import org.chorus.events.SignatureSubmittedV2;
import org.chorus.events.Visibility;

/**
 * Signatures' side of the v2 signature events: turns what v1 carried in the clear into what goes on the wire. A
 * public signatory's name and qualifier are sealed for distribution (which prints lists), an invitee's organisation
 * and country for tracking (which shows the pipeline); a withheld signature names nobody, sealed or not. Each sealed
 * part is bound to its event type, the statement and the signature or invitation, so it cannot be moved.
 */
public final class SignatorySealer {
    private final Sealer distribution;
    private final Sealer tracking;

    public SignatorySealer(Sealer distribution, Sealer tracking) {
        this.distribution = distribution;
        this.tracking = tracking;
    }

    /** No consumer needs the name of a signature that does not count yet: v2 names nobody. */
    public SignatureSubmittedV2 submitted(SignatureSubmitted submitted) {
        return new SignatureSubmittedV2(
                submitted.signatureId(),
                submitted.statementId(),
                submitted.kind(),
                submitted.country(),
                submitted.visibility() == null ? Visibility.PUBLIC : submitted.visibility(),
                submitted.invitationId());
    }

    public SealedSignatureConfirmed confirmed(SignatureConfirmed confirmed) {
        Visibility visibility = confirmed.visibility() == null ? Visibility.PUBLIC : confirmed.visibility();
        String identity = seal(
                EventTypes.SIGNATURE_CONFIRMED_V2.name(),
                confirmed.statementId(),
                confirmed.signatureId(),
                visibility,
                confirmed.name(),
                confirmed.qualifier());
        return new SealedSignatureConfirmed(
                confirmed.signatureId(),
                confirmed.statementId(),
                confirmed.kind(),
                confirmed.country(),
                confirmed.revision(),
                confirmed.revisionHash(),
                confirmed.confirmedAt(),
                visibility,
                confirmed.invitationId(),
                confirmed.wave(),
                identity == null ? null : distribution.keyId(),
                identity);
    }

    public SealedSignatureCorrected corrected(SignatureCorrected corrected) {
        Visibility visibility = corrected.visibility() == null ? Visibility.PUBLIC : corrected.visibility();
        String identity = seal(
                EventTypes.SIGNATURE_CORRECTED_V2.name(),
                corrected.statementId(),
                corrected.signatureId(),
                visibility,
                corrected.name(),
                corrected.qualifier());
        return new SealedSignatureCorrected(
                corrected.signatureId(),
                corrected.statementId(),
                corrected.kind(),
                corrected.country(),
                visibility,
                identity == null ? null : distribution.keyId(),
                identity);
    }

    public SealedInvitationCreated invitationCreated(InvitationCreated created) {
        byte[] sealed = tracking.seal(
                EventCodec.writeValue(new InviteeIdentity(created.organisation(), created.country())),
                context(EventTypes.INVITATION_CREATED_V2.name(), created.statementId(), created.invitationId()));
        return new SealedInvitationCreated(
                created.invitationId(),
                created.statementId(),
                created.wave(),
                created.language(),
                tracking.keyId(),
                Base64.getEncoder().encodeToString(sealed));
    }

    private String seal(
            String type, UUID statementId, UUID signatureId, Visibility visibility, String name, String qualifier) {
        if (visibility == Visibility.WITHHELD || name == null) {
            return null;
        }
        byte[] sealed = distribution.seal(
                EventCodec.writeValue(new SignatoryIdentity(name, qualifier)), context(type, statementId, signatureId));
        return Base64.getEncoder().encodeToString(sealed);
    }

    static byte[] context(String type, UUID statementId, UUID id) {
        return (type + "\n" + statementId + "\n" + id).getBytes(StandardCharsets.UTF_8);
    }
}
