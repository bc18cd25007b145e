package org.chorus.tracking.milestones;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.chorus.events.DeadlineApproaching;
import org.chorus.events.DeadlinePassed;
import org.chorus.events.EventTypes;
import org.chorus.events.ReminderTriggered;
import org.chorus.events.TargetReached;
import org.chorus.platform.outbox.Outbox;
import org.chorus.tracking.TrackingProperties;
import org.chorus.tracking.counts.Counts;
import org.chorus.tracking.pipeline.Pipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every few seconds, decides milestones and reminders from the read models and publishes them through the outbox
 * on chorus.tracking, each once: the decision row and the event commit together.
 */
@Service
class Evaluator implements SchedulingConfigurer {
    private static final Logger log = LoggerFactory.getLogger(Evaluator.class);

    private final MilestonesRepository repository;
    private final Counts counts;
    private final Pipeline pipeline;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final List<Integer> warningHours;
    private final ReminderRules.Policy reminders;
    private final Duration manualGap;
    private final Duration evaluateEvery;

    Evaluator(
            MilestonesRepository repository,
            Counts counts,
            Pipeline pipeline,
            Outbox outbox,
            TransactionTemplate tx,
            Clock clock,
            TrackingProperties properties) {
        this.manualGap = properties.tracking().reminders().manualGap();
        this.repository = repository;
        this.counts = counts;
        this.pipeline = pipeline;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
        this.warningHours = properties.tracking().deadlineWarningsHours();
        this.reminders = new ReminderRules.Policy(
                properties.tracking().reminders().maximum(),
                properties.tracking().reminders().interval());
        this.evaluateEvery = properties.tracking().evaluateEvery();
    }

    /** Evaluates every {@code chorus.tracking.evaluate-every}, first that long after start. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::evaluateAll, evaluateEvery, evaluateEvery));
    }

    void evaluateAll() {
        Instant now = clock.instant();
        Set<UUID> statements = new LinkedHashSet<>(repository.statementsWithOpenMilestones());
        statements.addAll(pipeline.statementsAwaitingAnswers());
        for (UUID statement : statements) {
            try {
                evaluate(statement, now);
            } catch (RuntimeException e) {
                log.warn("Could not evaluate milestones of statement {}: {}", statement, e.toString());
            }
        }
    }

    /** Decides and publishes what is due for one statement at {@code now}; returns how many events it published. */
    int evaluate(UUID statementId, Instant moment) {
        // PostgreSQL keeps microseconds: decide with the instant as it will be stored
        Instant now = moment.truncatedTo(ChronoUnit.MICROS);
        Integer published = tx.execute(status -> {
            repository.lock(statementId);
            var schedule = repository
                    .schedule(statementId)
                    .orElseGet(() -> new MilestonesRepository.Schedule(
                            null, null, repository.ended(statementId).orElse(null)));
            return milestones(statementId, schedule, now)
                    + reminders(statementId, schedule.deadline(), schedule.ended(), now);
        });
        return published == null ? 0 : published;
    }

    private int milestones(UUID statementId, MilestonesRepository.Schedule schedule, Instant now) {
        if (schedule.deadline() == null && schedule.signatureTarget() == null) {
            return 0;
        }
        long confirmed = counts.confirmed(statementId);
        var state = new MilestoneRules.State(
                schedule.deadline(), schedule.signatureTarget(), confirmed, repository.decided(statementId));
        int published = 0;
        for (MilestoneRules.Decision decision : MilestoneRules.due(state, now, warningHours)) {
            if (repository.decide(statementId, decision, now) && decision.publish()) {
                publish(statementId, decision.key(), schedule, confirmed);
                published++;
            }
        }
        return published;
    }

    private void publish(
            UUID statementId, MilestoneRules.Key key, MilestonesRepository.Schedule schedule, long confirmed) {
        int total = (int) confirmed;
        switch (key.kind()) {
            case TARGET_REACHED ->
                outbox.append(
                        EventTypes.TARGET_REACHED,
                        statementId,
                        statementId,
                        new TargetReached(statementId, key.detail(), total));
            case DEADLINE_APPROACHING ->
                outbox.append(
                        EventTypes.DEADLINE_APPROACHING,
                        statementId,
                        statementId,
                        new DeadlineApproaching(statementId, schedule.deadline(), key.detail(), total));
            case DEADLINE_PASSED ->
                outbox.append(
                        EventTypes.DEADLINE_PASSED,
                        statementId,
                        statementId,
                        new DeadlinePassed(statementId, schedule.deadline(), total));
        }
    }

    private int reminders(UUID statementId, Instant deadline, Instant ended, Instant now) {
        return publish(
                statementId,
                ReminderRules.due(
                        pipeline.invitees(statementId),
                        repository.reminded(statementId),
                        deadline,
                        ended,
                        now,
                        reminders),
                now);
    }

    /** A coordinator's "remind now": every invitee without an answer, see {@link ReminderRules#now}. */
    int remindNow(UUID statementId, Instant moment) {
        Instant now = moment.truncatedTo(ChronoUnit.MICROS);
        Integer published = tx.execute(status -> {
            repository.lock(statementId);
            var schedule = schedule(statementId);
            return publish(
                    statementId,
                    ReminderRules.now(
                            pipeline.invitees(statementId),
                            repository.reminded(statementId),
                            schedule.deadline(),
                            schedule.ended(),
                            now,
                            manualGap),
                    now);
        });
        return published == null ? 0 : published;
    }

    public record Planned(UUID invitationId, String organisation, int reminded, Instant last, Instant next) {}

    public record Plan(int maximum, Duration interval, List<Planned> invitees) {}

    /** The reminders sent so far and the next one the schedule will send, per invitee without an answer. */
    Plan plan(UUID statementId) {
        var schedule = schedule(statementId);
        var reminded = repository.reminded(statementId);
        List<Planned> planned = new java.util.ArrayList<>();
        for (var invitee : pipeline.invitees(statementId)) {
            if (invitee.settled() || invitee.everSignedAt() != null) {
                continue;
            }
            var before = reminded.getOrDefault(invitee.invitationId(), new ReminderRules.Reminded(0, null));
            planned.add(new Planned(
                    invitee.invitationId(),
                    invitee.organisation(),
                    before.count(),
                    before.last(),
                    ReminderRules.next(invitee, before, schedule.deadline(), schedule.ended(), reminders)));
        }
        return new Plan(reminders.maximum(), reminders.interval(), planned);
    }

    private MilestonesRepository.Schedule schedule(UUID statementId) {
        return repository
                .schedule(statementId)
                .orElseGet(() -> new MilestonesRepository.Schedule(
                        null, null, repository.ended(statementId).orElse(null)));
    }

    private int publish(UUID statementId, List<ReminderRules.Due> due, Instant now) {
        int published = 0;
        for (ReminderRules.Due reminder : due) {
            UUID reminderId = UUID.randomUUID();
            if (repository.remind(reminderId, statementId, reminder, now)) {
                outbox.append(
                        EventTypes.REMINDER_TRIGGERED,
                        statementId,
                        statementId,
                        new ReminderTriggered(
                                reminderId,
                                reminder.invitationId(),
                                statementId,
                                reminder.number(),
                                reminder.language()));
                published++;
            }
        }
        return published;
    }
}
