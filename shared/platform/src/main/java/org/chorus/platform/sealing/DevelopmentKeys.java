package org.chorus.platform.sealing;

import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * The published development key pair that the yml files, the dev stack and the tests use to seal mail requests for
 * distribution. Its private key's bytes start with {@code dev-only}, like every development key; under the {@code
 * prod} profile neither half is accepted.
 */
public final class DevelopmentKeys {
    public static final String KEY_ID = "dev1";
    public static final String PRIVATE_KEY = "ZGV2LW9ubHktbWFpbC1zZWFsaW5nLWtleS1kZXYtMSE=";
    public static final String PUBLIC_KEY = "ps05xa5x/3vJjK0yGlfj+mDOIbHhVLiSgwGLqSFElHg=";

    /** Opens what the dev stack and tests sealed, as distribution does (for tests that read the topic like a mailbox). */
    public static MailOpener mailOpener() {
        return new MailOpener(new Opener(Map.of(KEY_ID, Base64.getDecoder().decode(PRIVATE_KEY))));
    }

    /** Seals as a requesting service of the dev stack does. */
    public static MailSealer mailSealer() {
        return new MailSealer(new Sealer(KEY_ID, Base64.getDecoder().decode(PUBLIC_KEY)));
    }

    static boolean isPublicKey(byte[] publicKey) {
        return Arrays.equals(publicKey, Base64.getDecoder().decode(PUBLIC_KEY));
    }

    private DevelopmentKeys() {}
}
