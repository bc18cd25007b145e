package org.chorus.statements.drafting;

import java.util.UUID;

/**
 * Published in-process, inside the transaction that saved a material revision, so that translations of earlier
 * revisions become stale in the same commit.
 */
public record MaterialRevisionSaved(UUID statementId, int revision) {}
