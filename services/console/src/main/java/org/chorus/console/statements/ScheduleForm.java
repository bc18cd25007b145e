package org.chorus.console.statements;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** The schedule as the form shows it: times in the statement's own time zone, as a datetime-local field takes them. */
record ScheduleForm(String deadline, String signatureTarget, String embargoUntil, String timeZone) {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    static ScheduleForm of(Map<?, ?> schedule) {
        if (schedule == null) {
            return new ScheduleForm("", "", "", "UTC");
        }
        String zoneName = schedule.get("timeZone") instanceof String name && !name.isBlank() ? name : "UTC";
        ZoneId zone;
        try {
            zone = ZoneId.of(zoneName);
        } catch (DateTimeException e) {
            zone = ZoneId.of("UTC");
        }
        Object target = schedule.get("signatureTarget");
        return new ScheduleForm(
                local(schedule.get("deadline"), zone),
                target == null ? "" : target.toString(),
                local(schedule.get("embargoUntil"), zone),
                zoneName);
    }

    private static String local(Object instant, ZoneId zone) {
        return instant instanceof String text ? LOCAL.format(Instant.parse(text).atZone(zone)) : "";
    }
}
