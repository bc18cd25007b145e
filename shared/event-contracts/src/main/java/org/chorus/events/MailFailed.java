package org.chorus.events;

import java.util.UUID;

/**
 * A mail could not be delivered; {@code permanent} is false while retries remain. For requested mail
 * {@code requestId} says which request; for release mail (added later, optional) {@code releaseId} and
 * {@code contactId} say which release and contact, {@code requestId} is absent and {@code template} is {@code release}.
 */
public record MailFailed(
        UUID requestId, String template, String reason, boolean permanent, UUID releaseId, UUID contactId) {

    /** A requested mail, as in the first version of this event. */
    public MailFailed(UUID requestId, String template, String reason, boolean permanent) {
        this(requestId, template, reason, permanent, null, null);
    }
}
