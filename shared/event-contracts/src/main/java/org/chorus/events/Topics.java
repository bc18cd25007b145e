package org.chorus.events;

import java.util.List;

/** Kafka topics of Chorus. Each has a dead-letter topic named {@code <topic>.dlt}. */
public final class Topics {
    public static final String STATEMENTS = "chorus.statements";
    public static final String SIGNATURES = "chorus.signatures";
    public static final String TRACKING = "chorus.tracking";
    public static final String DISTRIBUTION = "chorus.distribution";
    public static final String MAIL_REQUESTS = "chorus.mail-requests";

    public static final List<String> ALL = List.of(STATEMENTS, SIGNATURES, TRACKING, DISTRIBUTION, MAIL_REQUESTS);

    public static String deadLetter(String topic) {
        return topic + ".dlt";
    }

    private Topics() {}
}
