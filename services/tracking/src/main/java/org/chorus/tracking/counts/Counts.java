package org.chorus.tracking.counts;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.chorus.platform.web.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Answers count queries from the read model. Used by the API, the console and the milestone rules. */
@Service
public class Counts {
    private final CountsRepository repository;
    private final Clock clock;

    Counts(CountsRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Sign-on in one hour or one day (UTC) and the running total at its end. */
    public record Bucket(Instant start, long confirmed, long total) {}

    /** Per hour or per day. */
    public enum Period {
        HOUR,
        DAY
    }

    /**
     * The counts of one statement as of one moment: its several queries read one snapshot (repeatable read), so a poll
     * of events committing meanwhile (say the merge after a withdrawal) cannot show in one part and not in another,
     * and the totals and removals always add up.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public StatementCounts of(UUID statementId) {
        if (!repository.tracked(statementId)) {
            throw Problems.notFound("No statement " + statementId + " is tracked.");
        }
        return StatementCounts.of(
                statementId,
                repository.title(statementId).orElse(null),
                repository.tallies(statementId),
                repository.removed(statementId),
                repository.schedule(statementId),
                repository.reconsent(statementId),
                repository.ended(statementId),
                clock.instant());
    }

    /** The statement's language, once its opening was seen. */
    @Transactional(readOnly = true)
    public Optional<String> language(UUID statementId) {
        return repository.language(statementId);
    }

    /** Total of counting signatures: what the public counter and the milestone rules see. */
    @Transactional(readOnly = true)
    public long confirmed(UUID statementId) {
        return repository.tallies(statementId).stream()
                .mapToLong(CountsRepository.Tally::signatures)
                .sum();
    }

    @Transactional(readOnly = true)
    public List<Bucket> timeline(UUID statementId, Period period) {
        if (!repository.tracked(statementId)) {
            throw Problems.notFound("No statement " + statementId + " is tracked.");
        }
        List<Bucket> buckets = new ArrayList<>();
        long total = 0;
        for (CountsRepository.Bucket bucket :
                repository.timeline(statementId, period == Period.HOUR ? "hour" : "day")) {
            total += bucket.signatures();
            buckets.add(new Bucket(bucket.start(), bucket.signatures(), total));
        }
        return buckets;
    }

    @Transactional(readOnly = true)
    public List<TrackedStatement> all() {
        return repository.all();
    }
}
