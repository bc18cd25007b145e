package org.chorus.tracking.pipeline;

import java.time.Instant;
import java.util.UUID;

/**
 * One invited organisation and how far it got. {@code bouncedAt} and {@code unsubscribedAt} come from the invitation
 * mail or any reminder mail. {@code signedAt} counts only a signature that still counts;
 * {@code everSignedAt} any signature it ever confirmed. Fields are null until their event arrived (an invitee may be known
 * from its link being opened before its creation event is seen).
 */
public record Invitee(
        UUID invitationId,
        UUID statementId,
        Integer wave,
        String organisation,
        String country,
        String language,
        Instant createdAt,
        Instant sentAt,
        Instant deliveredAt,
        Instant bouncedAt,
        Instant unsubscribedAt,
        Instant openedAt,
        Instant declinedAt,
        Instant signedAt,
        Instant everSignedAt) {

    /**
     * Where an invitee stands, furthest first: an answer beats an unsubscribe, which beats a followed link; a followed
     * link beats a bounce (of a later reminder), a bounce beats a delivery.
     */
    public enum Stage {
        SIGNED,
        DECLINED,
        UNSUBSCRIBED,
        OPENED,
        BOUNCED,
        DELIVERED,
        SENT,
        INVITED
    }

    public Stage stage() {
        if (signedAt != null) {
            return Stage.SIGNED;
        }
        if (declinedAt != null) {
            return Stage.DECLINED;
        }
        if (unsubscribedAt != null) {
            return Stage.UNSUBSCRIBED;
        }
        if (openedAt != null) {
            return Stage.OPENED;
        }
        if (bouncedAt != null) {
            return Stage.BOUNCED;
        }
        if (deliveredAt != null) {
            return Stage.DELIVERED;
        }
        if (sentAt != null) {
            return Stage.SENT;
        }
        return Stage.INVITED;
    }

    /** Signed, declined, bounced or unsubscribed: no reminder will reach or should bother them. */
    public boolean settled() {
        return signedAt != null || declinedAt != null || bouncedAt != null || unsubscribedAt != null;
    }
}
