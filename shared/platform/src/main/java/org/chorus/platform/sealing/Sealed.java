package org.chorus.platform.sealing;

import java.util.Base64;
import org.chorus.events.MalformedEventException;

/** Opening a base64 sealed part of an event: whatever refuses to open is a malformed event (it goes to the DLT). */
final class Sealed {
    static byte[] open(Opener opener, String keyId, String base64, byte[] context) {
        try {
            return opener.open(keyId, Base64.getDecoder().decode(base64), context);
        } catch (Opener.SealedValueRefused | IllegalArgumentException e) {
            throw new MalformedEventException("sealed part refused: " + e.getMessage(), null);
        }
    }

    private Sealed() {}
}
