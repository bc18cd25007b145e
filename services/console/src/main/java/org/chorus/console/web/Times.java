package org.chorus.console.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Locale;

/** A moment as people read it: in the page's language and the statement's time zone, named after it. */
public final class Times {

    public static String local(Object instant, String zone, Locale locale) {
        if (!(instant instanceof String text) || text.isBlank()) {
            return "";
        }
        ZoneId id;
        try {
            id = ZoneId.of(zone == null || zone.isBlank() ? "UTC" : zone);
        } catch (DateTimeException e) {
            id = ZoneId.of("UTC");
        }
        try {
            return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                            .withLocale(locale)
                            .format(Instant.parse(text).atZone(id))
                    + " (" + id.getId() + ")";
        } catch (DateTimeParseException e) {
            return text;
        }
    }

    private Times() {}
}
