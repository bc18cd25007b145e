package org.chorus.events;

import java.util.UUID;

/** A requested mail could not be delivered; {@code permanent} is false while retries remain. */
public record MailFailed(UUID requestId, String template, String reason, boolean permanent) {}
