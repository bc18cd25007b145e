package org.chorus.distribution;

import org.chorus.platform.sealing.Secrets;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The key of the suppression lists' address hashes: HMAC-SHA256 of the lower-cased address under {@code
 * chorus.distribution.suppression-key}, so a copy of the database alone does not let anyone test guessed addresses.
 * The key stays out of the database: queries pass its inner and outer pads to the SQL function {@code
 * address_hmac(address, inner, outer)} (RFC 2104 over PostgreSQL's sha256), and {@code address_suppressed(address,
 * inner, outer)} also honours rows of the older unkeyed scheme ({@code scheme = 'sha256'}).
 */
@Component
public class AddressKey {
    public static final String SCHEME = "hmac-sha256";
    private static final int BLOCK = 64;

    private final byte[] innerPad = new byte[BLOCK];
    private final byte[] outerPad = new byte[BLOCK];

    AddressKey(Environment environment) {
        byte[] key = Secrets.key(environment, "chorus.distribution.suppression-key");
        if (key.length > BLOCK) {
            throw new IllegalStateException("chorus.distribution.suppression-key is longer than 64 bytes.");
        }
        for (int i = 0; i < BLOCK; i++) {
            byte k = i < key.length ? key[i] : 0;
            innerPad[i] = (byte) (k ^ 0x36);
            outerPad[i] = (byte) (k ^ 0x5c);
        }
    }

    public byte[] innerPad() {
        return innerPad.clone();
    }

    public byte[] outerPad() {
        return outerPad.clone();
    }
}
