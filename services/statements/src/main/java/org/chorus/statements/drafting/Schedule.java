package org.chorus.statements.drafting;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Deadline, signature target and embargo, given as local date-times in the coordinator's time zone. Deadline and
 * embargo must lie after {@code now}.
 */
record Schedule(Instant deadline, Integer signatureTarget, Instant embargoUntil, ZoneId timeZone) {

    static Schedule of(String deadline, Integer signatureTarget, String embargoUntil, String timeZone, Instant now) {
        ZoneId zone;
        try {
            zone = ZoneId.of(timeZone == null ? "" : timeZone.strip());
        } catch (DateTimeException e) {
            throw FieldProblems.invalid(
                    "timeZone", "Unknown time zone '" + timeZone + "': use one like Europe/Zurich.");
        }
        if (signatureTarget != null && (signatureTarget < 1 || signatureTarget > 10_000_000)) {
            throw FieldProblems.invalid("signatureTarget", "The signature target must be between 1 and 10000000.");
        }
        return new Schedule(
                future("deadline", deadline, zone, now),
                signatureTarget,
                future("embargoUntil", embargoUntil, zone, now),
                zone);
    }

    private static Instant future(String field, String value, ZoneId zone, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw FieldProblems.invalid(
                    field, "Write the " + field + " as 2025-02-11T12:00 (in the chosen time zone).");
        }
        if (!instant.isAfter(now)) {
            throw FieldProblems.invalid(field, "The " + field + " " + value.strip() + " has already passed.");
        }
        return instant;
    }
}
