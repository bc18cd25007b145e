package org.chorus.statements.drafting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * One immutable save of a statement's text. {@code material} revisions change what signers agree to; editorial ones
 * fix typos or formatting.
 */
record Revision(
        UUID statementId,
        int number,
        String title,
        String body,
        String contentHash,
        Instant createdAt,
        UUID authorId,
        boolean material) {

    /** The text signers agree to: the title, a blank line, the body. */
    static String signedText(String title, String body) {
        return title + "\n\n" + body;
    }

    /** SHA-256 of {@link #signedText} in UTF-8, lower-case hex. */
    static String contentHash(String title, String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(signedText(title, body).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
