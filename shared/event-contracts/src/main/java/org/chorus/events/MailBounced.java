package org.chorus.events;

import java.util.UUID;

/**
 * A delivery status notification came back for a sent mail. {@code hard} bounces suppress the address. For requested
 * mail {@code requestId} says which request; for release mail (added later, optional) {@code releaseId} and
 * {@code contactId} say which release and contact, {@code requestId} is absent and {@code template} is {@code release}.
 */
public record MailBounced(
        UUID requestId, String template, boolean hard, String reason, UUID releaseId, UUID contactId) {

    /** A requested mail, as in the first version of this event. */
    public MailBounced(UUID requestId, String template, boolean hard, String reason) {
        this(requestId, template, hard, reason, null, null);
    }
}
