package org.chorus.events;

import java.util.UUID;

/**
 * The recipient of a requested mail (an invitation or a reminder) asked not to be mailed again through the mail's
 * unsubscribe link. Distribution suppresses the address for requested mail; the requester stops asking.
 */
public record MailUnsubscribed(UUID requestId, String template) {}
