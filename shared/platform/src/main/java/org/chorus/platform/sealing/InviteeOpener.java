package org.chorus.platform.sealing;

import org.chorus.events.EventCodec;
import org.chorus.events.EventTypes;
import org.chorus.events.InvitationCreated;
import org.chorus.events.InviteeIdentity;
import org.chorus.events.MalformedEventException;
import org.chorus.events.SealedInvitationCreated;

/** Tracking's side of {@link SignatorySealer}: opens a v2 invitation into what v1 carried. */
public final class InviteeOpener {
    private final Opener opener;

    public InviteeOpener(Opener opener) {
        this.opener = opener;
    }

    /** @throws MalformedEventException when the invitee does not open (unknown key id, tampered, moved) */
    public InvitationCreated open(SealedInvitationCreated sealed) {
        if (sealed.invitee() == null) {
            throw new MalformedEventException("sealed invitation without its invitee", null);
        }
        byte[] invitee = Sealed.open(
                opener,
                sealed.keyId(),
                sealed.invitee(),
                SignatorySealer.context(
                        EventTypes.INVITATION_CREATED_V2.name(), sealed.statementId(), sealed.invitationId()));
        return sealed.opened(EventCodec.readValue(invitee, InviteeIdentity.class));
    }
}
