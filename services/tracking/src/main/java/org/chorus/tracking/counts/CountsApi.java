package org.chorus.tracking.counts;

import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/statements")
class CountsApi {
    private final Counts counts;

    CountsApi(Counts counts) {
        this.counts = counts;
    }

    @GetMapping
    List<TrackedStatement> list() {
        return counts.all();
    }

    @GetMapping("/{id}/counts")
    StatementCounts counts(@PathVariable UUID id) {
        return counts.of(id);
    }
}
