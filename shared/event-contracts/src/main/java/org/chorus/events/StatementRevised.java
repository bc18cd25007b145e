package org.chorus.events;

import java.util.UUID;

/**
 * A new immutable revision of the statement's text. {@code material} revisions change what signers agree to: signers
 * are asked to re-consent and translations become stale; editorial ones (typos, formatting) do not.
 */
public record StatementRevised(
        UUID statementId, int revision, String title, String text, String contentHash, boolean material) {}
