package org.chorus.events;

import java.time.Instant;
import java.util.UUID;

/** After a material revision, confirmed signers are asked to confirm {@code revision} by {@code deadline}. */
public record ReconsentRequested(UUID statementId, int revision, String contentHash, Instant deadline) {}
