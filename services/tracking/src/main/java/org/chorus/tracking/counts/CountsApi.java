package org.chorus.tracking.counts;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;
import org.chorus.platform.web.CoordinatorGate;
import org.chorus.platform.web.Problems;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/statements")
class CountsApi {
    private final Counts counts;
    private final CoordinatorGate gate;

    CountsApi(Counts counts, CoordinatorGate gate) {
        this.counts = counts;
        this.gate = gate;
    }

    /** The tracked statements the caller has a role on (any role: viewers and commenters read too). */
    @GetMapping
    List<TrackedStatement> list(HttpServletRequest request) {
        Predicate<UUID> readable = gate.statementsReadableBy(request);
        return counts.all().stream()
                .filter(statement -> readable.test(statement.statementId()))
                .toList();
    }

    @GetMapping("/{id}/counts")
    StatementCounts counts(@PathVariable UUID id) {
        return counts.of(id);
    }

    /** Sign-on over time: {@code ?per=hour} (default) or {@code ?per=day}, UTC buckets with a running total. */
    @GetMapping("/{id}/timeline")
    List<Counts.Bucket> timeline(@PathVariable UUID id, @RequestParam(defaultValue = "hour") String per) {
        Counts.Period period;
        try {
            period = Counts.Period.valueOf(per.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest("per must be hour or day, not " + per);
        }
        return counts.timeline(id, period);
    }
}
