package org.chorus.tracking.milestones;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Coordinator: the invitation reminders of a statement. {@code GET}: the schedule (at most {@code maximum} reminders,
 * {@code interval} apart) and, per invitee without an answer, how many were sent and when the next one goes.
 * {@code POST}: remind every invitee without an answer now (editors and owners, like every change).
 */
@RestController
class RemindersApi {
    private final Evaluator evaluator;
    private final Clock clock;

    RemindersApi(Evaluator evaluator, Clock clock) {
        this.evaluator = evaluator;
        this.clock = clock;
    }

    @GetMapping("/api/statements/{id}/reminders")
    Evaluator.Plan plan(@PathVariable UUID id) {
        return evaluator.plan(id);
    }

    /** Answers {@code {"reminded": n}}: how many invitees get a reminder (none invited or reminded within the hour). */
    @PostMapping("/api/statements/{id}/reminders")
    Map<String, Integer> remindNow(@PathVariable UUID id) {
        return Map.of("reminded", evaluator.remindNow(id, clock.instant()));
    }
}
