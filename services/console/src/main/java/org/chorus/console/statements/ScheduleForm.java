package org.chorus.console.statements;

import java.util.Map;
import org.chorus.console.web.CoordinatorZone;

/**
 * The schedule as the form shows it: times in the coordinator's time zone ({@code enteredIn}, as a datetime-local
 * field takes them), and the statement's own time zone, which signers' dates are written in. A statement whose zone
 * was never chosen (UTC) is offered the coordinator's.
 */
record ScheduleForm(String deadline, String signatureTarget, String embargoUntil, String timeZone, String enteredIn) {

    static ScheduleForm of(Map<?, ?> schedule, CoordinatorZone coordinator) {
        if (schedule == null) {
            return new ScheduleForm("", "", "", coordinator.id(), coordinator.id());
        }
        String zoneName = schedule.get("timeZone") instanceof String name && !name.isBlank() ? name : "UTC";
        if (zoneName.equals("UTC") && schedule.get("deadline") == null && schedule.get("embargoUntil") == null) {
            zoneName = coordinator.id();
        }
        Object target = schedule.get("signatureTarget");
        return new ScheduleForm(
                coordinator.local(schedule.get("deadline")),
                target == null ? "" : target.toString(),
                coordinator.local(schedule.get("embargoUntil")),
                zoneName,
                coordinator.id());
    }
}
