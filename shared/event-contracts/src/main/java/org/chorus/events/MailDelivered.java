package org.chorus.events;

import java.util.UUID;

/**
 * The SMTP server accepted a mail. For requested mail {@code requestId} says which request; for release mail (added
 * later, optional) {@code releaseId} and {@code contactId} say which release and contact, {@code requestId} is absent
 * and {@code template} is {@code release}.
 */
public record MailDelivered(UUID requestId, String template, String messageId, UUID releaseId, UUID contactId) {

    /** A requested mail, as in the first version of this event. */
    public MailDelivered(UUID requestId, String template, String messageId) {
        this(requestId, template, messageId, null, null);
    }
}
