package org.chorus.events;

/** Who signs: an organisation, or a person in their own name. */
public enum SignatoryKind {
    ORGANISATION,
    INDIVIDUAL
}
