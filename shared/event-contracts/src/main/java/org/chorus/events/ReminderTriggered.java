package org.chorus.events;

import java.util.UUID;

/**
 * An invitee has not answered: the signatures service, which alone holds the address, asks distribution to send
 * reminder number {@code number} in {@code language}.
 */
public record ReminderTriggered(UUID reminderId, UUID invitationId, UUID statementId, int number, String language) {}
