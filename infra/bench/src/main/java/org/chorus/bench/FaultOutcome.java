package org.chorus.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one fault scenario did and checked: {@code passed} when its check held; {@code figures} are the counts it
 * compared (and timings it observed), {@code notes} say what happened in words.
 */
record FaultOutcome(
        String scenario, boolean passed, String check, Map<String, Object> figures, String notes, Instant at) {

    FaultOutcome(String scenario, boolean passed, String check, Map<String, Object> figures, String notes) {
        this(scenario, passed, check, figures, notes, Instant.now());
    }

    static FaultOutcome notRun(String scenario, String why) {
        return new FaultOutcome(scenario, false, "not run", Map.of(), why);
    }

    void print() {
        System.out.printf("FAULT %s: %s - %s; %s; %s%n", scenario, passed ? "PASS" : "FAIL", check, figures, notes);
    }

    /**
     * Writes this run's outcomes to bench-results/faults.json, keeping the latest outcome there of every scenario not
     * run this time; in the order of {@link Faults#SCENARIOS}.
     */
    static void write(Path repository, List<FaultOutcome> outcomes) {
        JsonMapper json =
                JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Path file = repository.resolve("bench-results").resolve("faults.json");
        Map<String, Object> byScenario = new java.util.TreeMap<>(
                java.util.Comparator.comparingInt((String scenario) -> Faults.SCENARIOS.indexOf(scenario))
                        .thenComparing(scenario -> scenario));
        try {
            if (Files.exists(file)) {
                for (JsonNode earlier : json.readTree(file.toFile())) {
                    byScenario.put(earlier.get("scenario").asString(), earlier);
                }
            }
            for (FaultOutcome outcome : outcomes) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("scenario", outcome.scenario());
                one.put("passed", outcome.passed());
                one.put("check", outcome.check());
                one.put("figures", outcome.figures());
                one.put("notes", outcome.notes());
                one.put("at", outcome.at().toString());
                byScenario.put(outcome.scenario(), one);
            }
            Files.createDirectories(file.getParent());
            Files.writeString(file, json.writeValueAsString(List.copyOf(byScenario.values())) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
