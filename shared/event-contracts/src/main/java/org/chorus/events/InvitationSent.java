package org.chorus.events;

import java.util.UUID;

/** The invitation mail was requested from distribution as {@code requestId}. */
public record InvitationSent(UUID invitationId, UUID statementId, UUID requestId) {}
