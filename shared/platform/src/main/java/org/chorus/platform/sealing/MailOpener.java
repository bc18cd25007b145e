package org.chorus.platform.sealing;

import java.util.Base64;
import org.chorus.events.EventCodec;
import org.chorus.events.MailRecipient;
import org.chorus.events.MailRequested;
import org.chorus.events.MalformedEventException;
import org.chorus.events.SealedMailRequested;

/** Distribution's side of {@link MailSealer}: opens a v2 mail request into the request it carries. */
public final class MailOpener {
    private final Opener opener;

    public MailOpener(Opener opener) {
        this.opener = opener;
    }

    /**
     * @param subject the event's subject, as it was sealed
     * @throws MalformedEventException when it does not open (unknown key id, tampered, moved to another request)
     */
    public MailRequested open(String subject, SealedMailRequested sealed) {
        if (sealed.requestId() == null || sealed.sealed() == null) {
            throw new MalformedEventException("sealed mail request without request id or sealed part", null);
        }
        byte[] personal;
        try {
            personal = opener.open(
                    sealed.keyId(),
                    Base64.getDecoder().decode(sealed.sealed()),
                    MailSealer.context(subject, sealed.requestId(), sealed.template()));
        } catch (Opener.SealedValueRefused | IllegalArgumentException e) {
            throw new MalformedEventException("sealed mail request refused: " + e.getMessage(), null);
        }
        MailRecipient recipient = EventCodec.readValue(personal, MailRecipient.class);
        return new MailRequested(
                sealed.requestId(),
                sealed.template(),
                sealed.language(),
                recipient.address(),
                recipient.name(),
                recipient.variables());
    }
}
