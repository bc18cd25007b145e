package org.chorus.events;

import java.util.UUID;

/** A press or policy contact unsubscribed; they receive no release again. */
public record ContactUnsubscribed(UUID contactId) {}
