package org.chorus.events;

import java.util.UUID;

/** The invitee followed their link (seen by the server; no pixels). */
public record InvitationOpened(UUID invitationId, UUID statementId) {}
