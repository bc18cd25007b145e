package org.chorus.platform.sealing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.chorus.events.EventCodec;
import org.chorus.events.MailRecipient;
import org.chorus.events.MailRequested;
import org.chorus.events.SealedMailRequested;

/**
 * Turns a mail request into {@code chorus.mail.requested.v2}: the address, the name and the variables (personal links
 * among them) sealed for distribution, bound to the statement, the request id and the template.
 */
public final class MailSealer {
    private final Sealer sealer;

    public MailSealer(Sealer sealer) {
        this.sealer = sealer;
    }

    /** @param subject the event's subject (the statement id) */
    public SealedMailRequested seal(Object subject, MailRequested request) {
        byte[] personal = EventCodec.writeValue(
                new MailRecipient(request.recipientAddress(), request.recipientName(), request.variables()));
        byte[] sealed =
                sealer.seal(personal, context(String.valueOf(subject), request.requestId(), request.template()));
        return new SealedMailRequested(
                request.requestId(),
                request.template(),
                request.language(),
                sealer.keyId(),
                Base64.getEncoder().encodeToString(sealed));
    }

    static byte[] context(String subject, Object requestId, String template) {
        return ("chorus.mail.requested.v2\n" + subject + "\n" + requestId + "\n" + template)
                .getBytes(StandardCharsets.UTF_8);
    }
}
