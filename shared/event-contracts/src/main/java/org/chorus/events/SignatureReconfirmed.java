package org.chorus.events;

import java.util.UUID;

/** A signer confirmed a newer revision of the text. */
public record SignatureReconfirmed(UUID signatureId, UUID statementId, int revision, String revisionHash) {}
