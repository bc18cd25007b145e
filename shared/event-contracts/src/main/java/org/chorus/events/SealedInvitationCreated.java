package org.chorus.events;

import java.util.UUID;

/**
 * A coordinator invited an organisation, in a numbered wave ({@code chorus.invitation.created.v2}, which replaces
 * v1). The organisation and its country are only sealed: {@code invitee} is the base64 of an HPKE ciphertext to
 * tracking's public key {@code keyId}, of the JSON of an {@link InviteeIdentity}, bound to this type, the statement and
 * the invitation; so a reader of the topic cannot tell which organisation a (possibly withheld) signature that names
 * the invitation came from.
 */
public record SealedInvitationCreated(
        UUID invitationId, UUID statementId, int wave, String language, String keyId, String invitee) {

    /** The invitation as v1 described it, with the opened invitee. */
    public InvitationCreated opened(InviteeIdentity opened) {
        return new InvitationCreated(
                invitationId,
                statementId,
                wave,
                opened == null ? null : opened.organisation(),
                opened == null ? null : opened.country(),
                language);
    }
}
