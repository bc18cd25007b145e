package org.chorus.events;

import java.util.Map;
import java.util.UUID;

/**
 * Another service asks distribution to send one mail. Distribution renders {@code template} in {@code language}
 * (falling back to English) with {@code variables}, sends it exactly once per {@code requestId} and answers with
 * {@link MailDelivered} or {@link MailFailed}.
 *
 * <p>Deprecated on the wire: it carried the address and personal links in plaintext. Producers publish {@link
 * SealedMailRequested} ({@code chorus.mail.requested.v2}); distribution still reads v1 records left on the topic.
 * The record is still what a requester builds before sealing it.
 */
public record MailRequested(
        UUID requestId,
        String template,
        String language,
        String recipientAddress,
        String recipientName,
        Map<String, String> variables) {}
