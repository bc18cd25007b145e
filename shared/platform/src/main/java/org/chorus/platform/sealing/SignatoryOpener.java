package org.chorus.platform.sealing;

import java.util.UUID;
import org.chorus.events.EventCodec;
import org.chorus.events.EventTypes;
import org.chorus.events.MalformedEventException;
import org.chorus.events.SealedSignatureConfirmed;
import org.chorus.events.SealedSignatureCorrected;
import org.chorus.events.SignatoryIdentity;
import org.chorus.events.SignatureConfirmed;
import org.chorus.events.SignatureCorrected;
import org.chorus.events.Visibility;

/** Distribution's side of {@link SignatorySealer}: opens a v2 confirmation or correction into what v1 carried. */
public final class SignatoryOpener {
    private final Opener opener;

    public SignatoryOpener(Opener opener) {
        this.opener = opener;
    }

    /** @throws MalformedEventException when the name does not open (unknown key id, tampered, moved) */
    public SignatureConfirmed open(SealedSignatureConfirmed sealed) {
        return sealed.opened(identity(
                EventTypes.SIGNATURE_CONFIRMED_V2.name(),
                sealed.statementId(),
                sealed.signatureId(),
                sealed.visibility(),
                sealed.keyId(),
                sealed.identity()));
    }

    public SignatureCorrected open(SealedSignatureCorrected sealed) {
        return sealed.opened(identity(
                EventTypes.SIGNATURE_CORRECTED_V2.name(),
                sealed.statementId(),
                sealed.signatureId(),
                sealed.visibility(),
                sealed.keyId(),
                sealed.identity()));
    }

    private SignatoryIdentity identity(
            String type, UUID statementId, UUID signatureId, Visibility visibility, String keyId, String identity) {
        if (visibility == Visibility.WITHHELD || identity == null) {
            return null;
        }
        return EventCodec.readValue(
                Sealed.open(opener, keyId, identity, SignatorySealer.context(type, statementId, signatureId)),
                SignatoryIdentity.class);
    }
}
