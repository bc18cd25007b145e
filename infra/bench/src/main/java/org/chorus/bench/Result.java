package org.chorus.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** One benchmark's figures, written to bench-results/NAME.json and printed as one line. */
record Result(
        String name,
        double value,
        String unit,
        Double ceiling,
        Double ratio,
        Double p50Ms,
        Double p99Ms,
        String notes) {

    void write(Path repository) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("value", round(value));
        json.put("unit", unit);
        json.put("ceiling", ceiling == null ? null : round(ceiling));
        json.put("ratio", ratio == null ? null : round(ratio));
        json.put("p50_ms", p50Ms == null ? null : round(p50Ms));
        json.put("p99_ms", p99Ms == null ? null : round(p99Ms));
        json.put("notes", notes);
        try {
            Path file = repository.resolve("bench-results").resolve(name + ".json");
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
        System.out.printf(
                "BENCH %s: %.1f %s (ceiling %s, ratio %s, p50 %s ms, p99 %s ms) %s%n",
                name,
                value,
                unit,
                ceiling == null ? "-" : "%.1f".formatted(ceiling),
                ratio == null ? "-" : "%.2f".formatted(ratio),
                p50Ms == null ? "-" : "%.1f".formatted(p50Ms),
                p99Ms == null ? "-" : "%.1f".formatted(p99Ms),
                notes);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
