package org.chorus.statements.accounts;

import java.time.Instant;
import java.util.UUID;

/** A token as its owner sees it in the list: never the secret, nor its hash. */
record ApiToken(UUID id, String name, Instant createdAt, Instant lastUsedAt, Instant expiresAt) {}
