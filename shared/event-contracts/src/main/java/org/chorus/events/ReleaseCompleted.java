package org.chorus.events;

import java.util.UUID;

/** Every ledger entry of a release reached a final state. */
public record ReleaseCompleted(UUID releaseId, UUID statementId, int sent, int failed) {}
