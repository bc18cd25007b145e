package org.chorus.tracking.counts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.chorus.events.SignatoryKind;

/**
 * Confirmed signatures of one statement, in total, by kind (only kinds present) and by country; signatures without
 * a country count under {@value #NO_COUNTRY}. {@code title} is null until the statement's opening is seen.
 */
record StatementCounts(
        UUID statementId, String title, long confirmed, Map<String, Long> byKind, Map<String, Long> byCountry) {

    static final String NO_COUNTRY = "none";

    static StatementCounts of(UUID statementId, String title, List<CountsRepository.Tally> tallies) {
        Map<String, Long> byKind = new LinkedHashMap<>();
        for (SignatoryKind kind : SignatoryKind.values()) {
            long signatures = tallies.stream()
                    .filter(tally -> tally.kind().equals(kind.name()))
                    .mapToLong(CountsRepository.Tally::signatures)
                    .sum();
            if (signatures > 0) {
                byKind.put(kind.name(), signatures);
            }
        }
        Map<String, Long> byCountry = new TreeMap<>();
        for (CountsRepository.Tally tally : tallies) {
            String country = tally.country() == null ? NO_COUNTRY : tally.country();
            byCountry.merge(country, tally.signatures(), Long::sum);
        }
        long confirmed =
                tallies.stream().mapToLong(CountsRepository.Tally::signatures).sum();
        return new StatementCounts(statementId, title, confirmed, byKind, byCountry);
    }
}
