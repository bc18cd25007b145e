package org.chorus.tracking.rebuild;

import java.time.Duration;
import org.chorus.platform.web.Problems;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RebuildApi {
    private final Rebuild rebuild;

    RebuildApi(Rebuild rebuild) {
        this.rebuild = rebuild;
    }

    /**
     * Rebuilds every projection from the start of the topics into the shadow schema and answers when it caught up,
     * with {eventsApplied, eventsSkipped, caughtUp, equal, differences, seconds, swapped}. With {@code swap=true} the
     * rebuilt tables then replace the live ones. 409 while another rebuild runs.
     */
    @PostMapping("/api/admin/rebuild")
    Rebuild.Report rebuild(
            @RequestParam(defaultValue = "300") int timeoutSeconds,
            @RequestParam(defaultValue = "false") boolean swap) {
        if (timeoutSeconds < 1 || timeoutSeconds > 3600) {
            throw Problems.badRequest("timeoutSeconds must be between 1 and 3600");
        }
        Rebuild.Report report = rebuild.run(Duration.ofSeconds(timeoutSeconds), swap);
        if (report == null) {
            throw Problems.conflict("A rebuild is already running.");
        }
        return report;
    }
}
