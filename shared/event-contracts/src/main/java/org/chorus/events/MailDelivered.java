package org.chorus.events;

import java.util.UUID;

/** The SMTP server accepted a requested mail. */
public record MailDelivered(UUID requestId, String template, String messageId) {}
