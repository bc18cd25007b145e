package org.chorus.tracking.projection;

import org.chorus.events.Envelope;
import org.chorus.events.SealedInvitationCreated;
import org.chorus.events.SealedSignatureConfirmed;
import org.chorus.events.SealedSignatureCorrected;
import org.chorus.platform.sealing.InviteeOpener;
import org.springframework.stereotype.Component;

/**
 * Turns the v2 signature events into what the read models know from v1: invitees are opened with tracking's own key;
 * confirmations and corrections are read without the name sealed for distribution (tracking keeps no signer's name).
 * Every other event, v1 ones left on the topic among them, passes unchanged.
 */
@Component
class SealedEvents {
    private final InviteeOpener invitees;

    SealedEvents(InviteeOpener invitees) {
        this.invitees = invitees;
    }

    Envelope<?> opened(Envelope<?> event) {
        Object data = event.data();
        Object opened;
        if (data instanceof SealedInvitationCreated created) {
            opened = invitees.open(created);
        } else if (data instanceof SealedSignatureConfirmed confirmed) {
            opened = confirmed.opened(null);
        } else if (data instanceof SealedSignatureCorrected corrected) {
            opened = corrected.opened(null);
        } else {
            return event;
        }
        return new Envelope<>(
                event.specversion(),
                event.id(),
                event.type(),
                event.source(),
                event.subject(),
                event.time(),
                event.datacontenttype(),
                opened);
    }
}
