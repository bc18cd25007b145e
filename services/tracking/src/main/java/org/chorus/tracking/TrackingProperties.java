package org.chorus.tracking;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Everything tracking can be configured with beyond Spring's own and the platform's settings, with its defaults: the
 * one place to read them (spring-boot-configuration-processor lists them for IDEs in
 * {@code META-INF/spring-configuration-metadata.json}). A value that breaks a constraint stops the service at start.
 *
 * @param tracking milestones, reminders and the public counter ({@code chorus.tracking.*})
 * @param rebuild {@code true} rebuilds the projections from the topics once at start and logs the report, {@code swap}
 *     also swaps the rebuilt tables in; anything else (the default {@code false}) starts normally
 */
@Validated
@ConfigurationProperties("chorus")
public record TrackingProperties(
        @DefaultValue @Valid Tracking tracking,
        @DefaultValue("false") String rebuild) {

    /**
     * @param evaluateEvery how often milestones and reminders are evaluated (also the delay after start)
     * @param deadlineWarningsHours DeadlineApproaching is published this many hours before the deadline, once each
     *     (none when empty)
     * @param reminders reminders to invitees who have not answered
     * @param publicCounter what the public counter shows
     */
    public record Tracking(
            @DefaultValue("5s") @NotNull @DurationMin(millis = 1)
            Duration evaluateEvery,

            @DefaultValue({"48", "6"}) @NotNull List<@NotNull @PositiveOrZero Integer> deadlineWarningsHours,
            @DefaultValue @Valid Reminders reminders,
            @DefaultValue @Valid PublicCounter publicCounter) {
        public Tracking {
            deadlineWarningsHours = List.copyOf(deadlineWarningsHours);
        }
    }

    /**
     * @param maximum at most this many reminders per invitee who has not signed, declined, bounced or unsubscribed
     * @param interval at least this long after the invitation, and between reminders
     * @param manualGap a coordinator's "remind them all now" leaves out invitees invited or reminded within this
     */
    public record Reminders(
            @DefaultValue("2") @PositiveOrZero int maximum,

            @DefaultValue("72h") @NotNull @DurationMin(millis = 0)
            Duration interval,

            @DefaultValue("1h") @NotNull @DurationMin(millis = 0)
            Duration manualGap) {}

    /** @param countries whether the public counter shows signatures per country besides the total */
    public record PublicCounter(@DefaultValue("true") boolean countries) {}
}
