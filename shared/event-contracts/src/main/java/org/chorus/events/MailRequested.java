package org.chorus.events;

import java.util.Map;
import java.util.UUID;

/**
 * Another service asks distribution to send one mail. Distribution renders {@code template} in {@code language}
 * (falling back to English) with {@code variables}, sends it exactly once per {@code requestId} and answers with
 * {@link MailDelivered} or {@link MailFailed}.
 */
public record MailRequested(
        UUID requestId,
        String template,
        String language,
        String recipientAddress,
        String recipientName,
        Map<String, String> variables) {}
