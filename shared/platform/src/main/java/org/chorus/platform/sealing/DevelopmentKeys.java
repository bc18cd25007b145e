package org.chorus.platform.sealing;

import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * The published development key pairs that the yml files, the dev stack and the tests use: distribution's {@code dev1}
 * (mail requests, signatories' names) and tracking's {@code tdev1} (invitees). Their private keys' bytes start with
 * {@code dev-only}, like every development key; under the {@code prod} profile neither half is accepted.
 */
public final class DevelopmentKeys {
    public static final String KEY_ID = "dev1";
    public static final String PRIVATE_KEY = "ZGV2LW9ubHktbWFpbC1zZWFsaW5nLWtleS1kZXYtMSE=";
    public static final String PUBLIC_KEY = "ps05xa5x/3vJjK0yGlfj+mDOIbHhVLiSgwGLqSFElHg=";
    public static final String TRACKING_KEY_ID = "tdev1";
    public static final String TRACKING_PRIVATE_KEY = "ZGV2LW9ubHktdHJhY2tpbmctc2VhbGluZy1rZXktMSE=";
    public static final String TRACKING_PUBLIC_KEY = "P1EmdnrOm/pqXJ4qb2BwD2Pk6IDclflci2Wpr8sPZ28=";

    /** Opens what the dev stack and tests sealed, as distribution does (for tests that read the topic like a mailbox). */
    public static MailOpener mailOpener() {
        return new MailOpener(new Opener(Map.of(KEY_ID, Base64.getDecoder().decode(PRIVATE_KEY))));
    }

    /** Seals as a requesting service of the dev stack does. */
    public static MailSealer mailSealer() {
        return new MailSealer(new Sealer(KEY_ID, Base64.getDecoder().decode(PUBLIC_KEY)));
    }

    /** Seals signature events as signatures does in the dev stack (for tests that write them to the topic). */
    public static SignatorySealer signatorySealer() {
        return new SignatorySealer(
                new Sealer(KEY_ID, Base64.getDecoder().decode(PUBLIC_KEY)),
                new Sealer(TRACKING_KEY_ID, Base64.getDecoder().decode(TRACKING_PUBLIC_KEY)));
    }

    /** Opens signatories' names as distribution does. */
    public static SignatoryOpener signatoryOpener() {
        return new SignatoryOpener(new Opener(Map.of(KEY_ID, Base64.getDecoder().decode(PRIVATE_KEY))));
    }

    /** Opens invitees as tracking does. */
    public static InviteeOpener inviteeOpener() {
        return new InviteeOpener(
                new Opener(Map.of(TRACKING_KEY_ID, Base64.getDecoder().decode(TRACKING_PRIVATE_KEY))));
    }

    static boolean isPublicKey(byte[] publicKey) {
        return Arrays.equals(publicKey, Base64.getDecoder().decode(PUBLIC_KEY))
                || Arrays.equals(publicKey, Base64.getDecoder().decode(TRACKING_PUBLIC_KEY));
    }

    private DevelopmentKeys() {}
}
