package org.chorus.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Tracking's settings as an operator writes them: defaults when nothing is set, refusal at start when nonsense is. */
class TrackingPropertiesTest {
    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(WithProperties.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(TrackingProperties.class)
    static class WithProperties {}

    @Test
    void withNothingSetTrackingEvaluatesEveryFiveSecondsWarnsAt48And6HoursAndRemindsTwice72HoursApart() {
        context.run(started -> {
            TrackingProperties properties = started.getBean(TrackingProperties.class);
            assertThat(properties.tracking().evaluateEvery()).isEqualTo(Duration.ofSeconds(5));
            assertThat(properties.tracking().deadlineWarningsHours()).containsExactly(48, 6);
            assertThat(properties.tracking().reminders().maximum()).isEqualTo(2);
            assertThat(properties.tracking().reminders().interval()).isEqualTo(Duration.ofHours(72));
            assertThat(properties.tracking().reminders().manualGap()).isEqualTo(Duration.ofHours(1));
            assertThat(properties.tracking().publicCounter().countries()).isTrue();
            assertThat(properties.rebuild()).isEqualTo("false");
        });
    }

    @Test
    void settingsWrittenAsBeforeStillApply() {
        context.withPropertyValues(
                        "chorus.tracking.evaluate-every=1m",
                        "chorus.tracking.deadline-warnings-hours=24,2,1",
                        "chorus.tracking.reminders.maximum=0",
                        "chorus.tracking.reminders.interval=1d",
                        "chorus.tracking.reminders.manual-gap=30m",
                        "chorus.tracking.public-counter.countries=false",
                        "chorus.rebuild=swap")
                .run(started -> {
                    TrackingProperties properties = started.getBean(TrackingProperties.class);
                    assertThat(properties.tracking().evaluateEvery()).isEqualTo(Duration.ofMinutes(1));
                    assertThat(properties.tracking().deadlineWarningsHours()).isEqualTo(List.of(24, 2, 1));
                    assertThat(properties.tracking().reminders().maximum()).isZero();
                    assertThat(properties.tracking().reminders().interval()).isEqualTo(Duration.ofDays(1));
                    assertThat(properties.tracking().reminders().manualGap()).isEqualTo(Duration.ofMinutes(30));
                    assertThat(properties.tracking().publicCounter().countries())
                            .isFalse();
                    assertThat(properties.rebuild()).isEqualTo("swap");
                });
    }

    @Test
    void aNegativeReminderCountOrAnEvaluationIntervalOfZeroStopsTheServiceAtStart() {
        context.withPropertyValues("chorus.tracking.reminders.maximum=-1")
                .run(started -> assertThat(started)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("maximum")
                        .hasMessageContaining("rejected value [-1]"));
        context.withPropertyValues("chorus.tracking.evaluate-every=0s")
                .run(started -> assertThat(started)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("tracking.evaluateEvery")
                        .hasMessageContaining("must be longer than or equal to 1 milli"));
    }
}
