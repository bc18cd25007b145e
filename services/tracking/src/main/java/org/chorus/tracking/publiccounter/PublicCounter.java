package org.chorus.tracking.publiccounter;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.chorus.tracking.TrackingProperties;
import org.chorus.tracking.counts.Counts;
import org.chorus.tracking.counts.StatementCounts;
import org.springframework.stereotype.Service;

/**
 * What anyone may see of a statement's sign-on: the total, the target and deadline, and the number of signatures
 * per country where the coalition allows it. Never a name: tracking does not even keep signers' names.
 */
@Service
class PublicCounter {
    private final Counts counts;
    private final boolean showCountries;

    PublicCounter(Counts counts, TrackingProperties properties) {
        this.counts = counts;
        this.showCountries = properties.tracking().publicCounter().countries();
    }

    /** {@code countries} is null when not shown; signatures without a (countable) country are under "none". */
    record Counter(
            UUID statementId,
            String title,
            String language,
            long confirmed,
            Integer target,
            Instant deadline,
            Map<String, Long> countries) {}

    Counter of(UUID statementId) {
        StatementCounts found = counts.of(statementId);
        StatementCounts.Schedule schedule = found.schedule();
        return new Counter(
                statementId,
                found.title(),
                counts.language(statementId).orElse("en"),
                found.confirmed(),
                schedule == null ? null : schedule.signatureTarget(),
                schedule == null ? null : schedule.deadline(),
                showCountries ? found.byCountry() : null);
    }
}
