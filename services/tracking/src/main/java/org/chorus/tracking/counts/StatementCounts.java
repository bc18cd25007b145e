package org.chorus.tracking.counts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.chorus.events.SignatoryKind;
import org.chorus.events.Visibility;

/**
 * Counting signatures of one statement (withdrawn, rejected and merged ones subtracted), in total, by kind (only
 * kinds present), by country (signatures without a country, and withheld signers who did not allow theirs, count
 * under {@value #NONE}), by visibility, by invitation wave ({@value #NONE}: not invited), and by the revision each
 * signer last confirmed. {@code title} is null until the statement's opening is seen; {@code schedule},
 * {@code progress}, {@code reconsent} and {@code ended} are null until
 * set.
 */
public record StatementCounts(
        UUID statementId,
        String title,
        long confirmed,
        Map<String, Long> byKind,
        Map<String, Long> byCountry,
        Map<String, Long> byVisibility,
        Map<String, Long> byWave,
        Map<String, Long> byRevision,
        Map<String, Long> removed,
        Reconsent reconsent,
        Schedule schedule,
        Progress progress,
        Ended ended) {

    static final String NONE = "none";

    /** The current re-consent request: how many counting signers confirmed its revision, how many are behind. */
    public record Reconsent(int revision, Instant deadline, long confirmedRevision, long onOlderRevision) {}

    public record Schedule(Instant deadline, Integer signatureTarget, Instant embargoUntil, String timeZone) {}

    /**
     * Sign-on ended, and when: {@code reason} CLOSED or WITHDRAWN at the moment the lifecycle event names, or DEADLINE
     * at the statement's deadline once it has passed, whichever came first (the rule {@link
     * CountsRepository#AFTER_THE_END} counts by).
     */
    public record Ended(String reason, Instant at) {

        /** Of the lifecycle's end (null: none seen) and the deadline (null: none; counts once passed), the first. */
        static Ended first(Ended lifecycle, Instant deadline, Instant now) {
            if (deadline == null || deadline.isAfter(now)) {
                return lifecycle;
            }
            return lifecycle != null && !lifecycle.at().isAfter(deadline) ? lifecycle : new Ended("DEADLINE", deadline);
        }
    }

    /** Toward the signature target: percent is floored and may exceed 100. */
    public record Progress(int target, long confirmed, long remaining, int percent, boolean reached) {}

    static StatementCounts of(
            UUID statementId,
            String title,
            List<CountsRepository.Tally> tallies,
            List<CountsRepository.Removed> removals,
            Optional<CountsRepository.Schedule> schedule,
            Optional<CountsRepository.Reconsent> reconsent,
            Optional<CountsRepository.Ended> ended,
            Instant now) {
        Map<String, Long> byKind = new LinkedHashMap<>();
        for (SignatoryKind kind : SignatoryKind.values()) {
            long signatures = sum(tallies, tally -> tally.kind().equals(kind.name()));
            if (signatures > 0) {
                byKind.put(kind.name(), signatures);
            }
        }
        Map<String, Long> byVisibility = new LinkedHashMap<>();
        for (Visibility visibility : Visibility.values()) {
            byVisibility.put(
                    visibility.name(), sum(tallies, tally -> tally.visibility().equals(visibility.name())));
        }
        long confirmed = sum(tallies, tally -> true);
        Map<String, Long> removed = new TreeMap<>();
        removals.forEach(removal -> removed.put(removal.reason(), removal.signatures()));
        Reconsent current = reconsent
                .map(request -> {
                    long onRevision = sum(tallies, tally -> tally.revision() >= request.revision());
                    return new Reconsent(request.revision(), request.deadline(), onRevision, confirmed - onRevision);
                })
                .orElse(null);
        Progress progress = schedule.filter(s -> s.signatureTarget() != null && s.signatureTarget() > 0)
                .map(s -> progress(s.signatureTarget(), confirmed))
                .orElse(null);
        return new StatementCounts(
                statementId,
                title,
                confirmed,
                byKind,
                group(tallies, tally -> tally.country() == null ? NONE : tally.country()),
                byVisibility,
                group(
                        tallies,
                        tally -> tally.wave() == null ? NONE : tally.wave().toString()),
                group(tallies, tally -> Integer.toString(tally.revision())),
                removed,
                current,
                schedule.map(s -> new Schedule(s.deadline(), s.signatureTarget(), s.embargoUntil(), s.timeZone()))
                        .orElse(null),
                progress,
                Ended.first(
                        ended.map(end -> new Ended(end.reason(), end.endedAt())).orElse(null),
                        schedule.map(CountsRepository.Schedule::deadline).orElse(null),
                        now));
    }

    static Progress progress(int target, long confirmed) {
        return new Progress(
                target,
                confirmed,
                Math.max(0, target - confirmed),
                (int) (confirmed * 100 / target),
                confirmed >= target);
    }

    private static long sum(
            List<CountsRepository.Tally> tallies, java.util.function.Predicate<CountsRepository.Tally> which) {
        return tallies.stream()
                .filter(which)
                .mapToLong(CountsRepository.Tally::signatures)
                .sum();
    }

    private static Map<String, Long> group(
            List<CountsRepository.Tally> tallies, Function<CountsRepository.Tally, String> key) {
        Map<String, Long> grouped = new TreeMap<>();
        tallies.forEach(tally -> grouped.merge(key.apply(tally), tally.signatures(), Long::sum));
        return grouped;
    }
}
