package org.chorus.events;

import java.util.UUID;

/** A delivery status notification came back for a sent mail. {@code hard} bounces suppress the address. */
public record MailBounced(UUID requestId, String template, boolean hard, String reason) {}
