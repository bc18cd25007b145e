package org.chorus.tracking.console;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.chorus.tracking.counts.Counts;

/**
 * Sign-on over time as plain SVG geometry, computed on the server: one bar per hour or day with confirmations, and
 * the running total as a line. No script, no third-party library; the page also shows the numbers as a table.
 */
record SignOnChart(int width, int height, List<Bar> bars, String totalLine, long maximum, long total, String period) {

    static final int WIDTH = 640;
    static final int HEIGHT = 220;
    static final int PADDING = 24;
    static final int MAX_SLOT = 48;

    record Bar(int x, int y, int width, int height, String label, long confirmed, long total) {}

    static SignOnChart of(List<Counts.Bucket> buckets, Counts.Period period) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern(
                        period == Counts.Period.HOUR ? "yyyy-MM-dd HH:00" : "yyyy-MM-dd")
                .withZone(ZoneOffset.UTC);
        long maximum =
                buckets.stream().mapToLong(Counts.Bucket::confirmed).max().orElse(0);
        long total = buckets.isEmpty() ? 0 : buckets.get(buckets.size() - 1).total();
        List<Bar> bars = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int plotWidth = WIDTH - 2 * PADDING;
        int plotHeight = HEIGHT - 2 * PADDING;
        int slot = buckets.isEmpty() ? plotWidth : Math.max(1, Math.min(MAX_SLOT, plotWidth / buckets.size()));
        for (int i = 0; i < buckets.size(); i++) {
            Counts.Bucket bucket = buckets.get(i);
            int barHeight = maximum == 0 ? 0 : (int) (bucket.confirmed() * plotHeight / maximum);
            int x = PADDING + i * slot;
            bars.add(new Bar(
                    x + 1,
                    HEIGHT - PADDING - barHeight,
                    Math.max(1, slot - 2),
                    barHeight,
                    format.format(bucket.start()),
                    bucket.confirmed(),
                    bucket.total()));
            int lineY = total == 0 ? HEIGHT - PADDING : (int) (HEIGHT - PADDING - bucket.total() * plotHeight / total);
            line.append(i == 0 ? "" : " ").append(x + slot / 2).append(',').append(lineY);
        }
        return new SignOnChart(
                WIDTH,
                HEIGHT,
                bars,
                line.toString(),
                maximum,
                total,
                period.name().toLowerCase(java.util.Locale.ROOT));
    }
}
