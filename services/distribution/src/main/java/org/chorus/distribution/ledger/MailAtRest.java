package org.chorus.distribution.ledger;

import java.nio.charset.StandardCharsets;
import org.chorus.events.EventCodec;
import org.chorus.platform.sealing.AtRest;
import org.springframework.stereotype.Component;

/**
 * The personal part of a ledger row (address, name, a body of its own, unsubscribe link) as it is stored until the
 * mail leaves: sealed ({@link AtRest}, AES-256-GCM under a key derived from distribution's private keys), bound to the
 * row's Message-ID. The sender opens it right before sending; the row's keyed address hash, written beside it, is what
 * suppression, bounces and exactly-once compare.
 */
@Component
class MailAtRest {
    private final AtRest atRest;

    MailAtRest(AtRest atRest) {
        this.atRest = atRest;
    }

    /** What a row holds about its recipient; {@code body} is null when the row shares its release's body. */
    public record Personal(String address, String name, String body, String unsubscribeUrl) {}

    AtRest.Sealed seal(String messageId, Personal personal) {
        return atRest.seal(EventCodec.writeValue(personal), context(messageId));
    }

    Personal open(String messageId, String keyId, byte[] sealed) {
        return EventCodec.readValue(atRest.open(keyId, sealed, context(messageId)), Personal.class);
    }

    private static byte[] context(String messageId) {
        return ("chorus.delivery.v1\n" + messageId).getBytes(StandardCharsets.UTF_8);
    }
}
