package org.chorus.events;

/**
 * A logical, versioned event type: its wire name ({@code chorus.<thing>.<past-tense>.v1}), the topic it travels
 * on, and the record that carries its data.
 */
public record EventType<T>(String name, String topic, Class<T> dataClass) {}
