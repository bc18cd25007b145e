package org.chorus.events;

import java.util.UUID;

/**
 * Another service asks distribution to send one mail, with everything personal sealed for distribution alone
 * ({@code chorus.mail.requested.v2}, which replaces v1). In the clear only what routing and counting need: the
 * request id, the template and the language. {@code sealed} is the base64 of an HPKE ciphertext (RFC 9180,
 * X25519/HKDF-SHA256/AES-256-GCM) to distribution's public key {@code keyId}, of the JSON of a {@link MailRecipient};
 * it is bound to the event's subject, the request id and the template, so it cannot be moved to another request.
 * Distribution renders {@code template} in {@code language} with the opened variables, sends it exactly once per
 * {@code requestId} and answers with {@link MailDelivered} or {@link MailFailed}.
 */
public record SealedMailRequested(UUID requestId, String template, String language, String keyId, String sealed) {}
