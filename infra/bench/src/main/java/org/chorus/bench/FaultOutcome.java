package org.chorus.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one fault scenario did and checked: {@code passed} when its check held; {@code figures} are the counts it
 * compared (and timings it observed), {@code notes} say what happened in words.
 */
record FaultOutcome(String scenario, boolean passed, String check, Map<String, Object> figures, String notes) {

    static FaultOutcome notRun(String scenario, String why) {
        return new FaultOutcome(scenario, false, "not run", Map.of(), why);
    }

    void print() {
        System.out.printf("FAULT %s: %s - %s; %s; %s%n", scenario, passed ? "PASS" : "FAIL", check, figures, notes);
    }

    /** Writes every scenario of this run to bench-results/faults.json. */
    static void write(Path repository, List<FaultOutcome> outcomes) {
        List<Map<String, Object>> json = outcomes.stream()
                .map(outcome -> {
                    Map<String, Object> one = new LinkedHashMap<>();
                    one.put("scenario", outcome.scenario());
                    one.put("passed", outcome.passed());
                    one.put("check", outcome.check());
                    one.put("figures", outcome.figures());
                    one.put("notes", outcome.notes());
                    return one;
                })
                .toList();
        try {
            Path file = repository.resolve("bench-results").resolve("faults.json");
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file,
                    JsonMapper.builder()
                                    .enable(SerializationFeature.INDENT_OUTPUT)
                                    .build()
                                    .writeValueAsString(json)
                            + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
