package org.chorus.events;

import java.util.UUID;

/** A release of a statement went out to a contact list; one ledger entry per recipient was planned. */
public record ReleasePublished(UUID releaseId, UUID statementId, String contentHash, int signatories, int recipients) {}
