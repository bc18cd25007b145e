package org.chorus.tracking.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.chorus.tracking.counts.Counts;
import org.junit.jupiter.api.Test;

/** The sign-on chart's geometry: the busiest hour fills the plot, the others in proportion, the total rises. */
class SignOnChartTest {

    @Test
    void theBusiestHourIsTheTallestBarAndTheTotalLineEndsAtTheTop() {
        var chart = SignOnChart.of(
                List.of(
                        new Counts.Bucket(Instant.parse("2025-02-10T09:00:00Z"), 2, 2),
                        new Counts.Bucket(Instant.parse("2025-02-10T11:00:00Z"), 4, 6)),
                Counts.Period.HOUR);

        int plot = SignOnChart.HEIGHT - 2 * SignOnChart.PADDING;
        assertThat(chart.bars()).extracting(SignOnChart.Bar::height).containsExactly(plot / 2, plot);
        assertThat(chart.bars())
                .extracting(SignOnChart.Bar::label)
                .containsExactly("2025-02-10 09:00", "2025-02-10 11:00");
        assertThat(chart.totalLine()).endsWith("," + SignOnChart.PADDING);
        assertThat(chart.total()).isEqualTo(6);
        assertThat(chart.maximum()).isEqualTo(4);
    }

    @Test
    void noSignaturesNoBars() {
        var chart = SignOnChart.of(List.of(), Counts.Period.DAY);
        assertThat(chart.bars()).isEmpty();
        assertThat(chart.period()).isEqualTo("day");
    }
}
