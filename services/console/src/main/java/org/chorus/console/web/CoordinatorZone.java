package org.chorus.console.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;

/**
 * The coordinator's time zone, as their browser reports it (console.js keeps it in the {@code chorus_tz} cookie), and
 * times written for them in it: {@code format} for pages, {@code local} for datetime-local fields.
 */
public record CoordinatorZone(ZoneId zone, Locale locale) {
    public static final String COOKIE = "chorus_tz";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    /** The browser's zone if it told us one, else {@code fallback} (the statement's), else UTC. */
    public static CoordinatorZone of(HttpServletRequest request, String fallback, Locale locale) {
        Optional<ZoneId> reported = Optional.empty();
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    reported = zone(
                            java.net.URLDecoder.decode(cookie.getValue(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        ZoneId zone = reported.or(() -> zone(fallback)).orElse(ZoneId.of("UTC"));
        return new CoordinatorZone(zone, locale);
    }

    public static Optional<ZoneId> zone(String name) {
        if (name == null || name.isBlank() || name.length() > 60) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(name.strip()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    public String id() {
        return zone.getId();
    }

    /** An instant as the services send it (ISO-8601), written for the coordinator; empty for none. */
    public String format(Object instant) {
        Instant at = instant(instant);
        return at == null
                ? ""
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(locale)
                        .withZone(zone)
                        .format(at);
    }

    /** {@link #format} followed by the zone's name, "7 Dec 2026, 19:05 (Europe/Paris)"; empty for none. */
    public String named(Object instant) {
        String written = format(instant);
        return written.isEmpty() ? "" : written + " (" + id() + ")";
    }

    /** The same instant as a datetime-local field holds it, in this zone. */
    public String local(Object instant) {
        Instant at = instant(instant);
        return at == null ? "" : LOCAL.format(at.atZone(zone));
    }

    /** A datetime-local value typed in this zone, as the same moment written in {@code target}'s local time. */
    public String toLocalIn(String typed, ZoneId target) {
        if (typed == null || typed.isBlank()) {
            return typed;
        }
        try {
            return LOCAL.format(LocalDateTime.parse(typed.strip()).atZone(zone).withZoneSameInstant(target));
        } catch (DateTimeParseException e) {
            return typed; // the statements service names the field
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof String text && !text.isBlank()) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }
}
