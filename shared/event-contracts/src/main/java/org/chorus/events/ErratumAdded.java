package org.chorus.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An erratum was added to a published statement: {@code number} counts the statement's errata from 1, {@code text}
 * is written in the statement's language, {@code addedAt} is when it was added. Releases sent after it carry the errata
 * log under the text.
 */
public record ErratumAdded(UUID statementId, int number, String text, Instant addedAt) {}
