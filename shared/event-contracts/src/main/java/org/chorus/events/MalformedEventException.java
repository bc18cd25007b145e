package org.chorus.events;

/** A record on a topic that is not a readable Chorus event. It is never retried: it goes to the dead-letter topic. */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
