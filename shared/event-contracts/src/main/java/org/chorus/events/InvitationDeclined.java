package org.chorus.events;

import java.util.UUID;

/** The invitee declined to sign. */
public record InvitationDeclined(UUID invitationId, UUID statementId) {}
