package org.chorus.events;

import java.util.UUID;

/** A coordinator invited an organisation, in a numbered wave. The contact address stays in the signatures service. */
public record InvitationCreated(
        UUID invitationId, UUID statementId, int wave, String organisation, String country, String language) {}
