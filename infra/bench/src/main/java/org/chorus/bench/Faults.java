package org.chorus.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.chorus.testsupport.Infrastructure;

/**
 * {@code faults [scenario|all] [seconds] [clients] [contacts]}: scripted fault scenarios with processes started and killed
 * for real, each while signers sign, a coordinator opens statements and a release goes out ({@link PlatformUnderFault}).
 * {@code scenario} is one name, several separated by commas, or {@code all}. Each prints one {@code FAULT} line;
 * bench-results/faults.json keeps the latest outcome of every scenario. Any failed check (or a scenario that could
 * not run) makes the command exit non-zero.
 */
final class Faults {
    static final List<String> SCENARIOS = List.of(
            "kill-statements",
            "kill-signatures",
            "kill-tracking",
            "kill-distribution",
            "broker-restart",
            "postgres-restart",
            "smtp-down");
    private static final Duration INFRASTRUCTURE_DOWN = Duration.ofSeconds(20);
    private static final Duration SMTP_DOWN = Duration.ofSeconds(60);

    /** Each task its own thread: the common pool has one worker on two cores. */
    static final Executor THREAD = task -> {
        Thread thread = new Thread(task, "fault-scenario");
        thread.setDaemon(true);
        thread.start();
    };

    static boolean run(
            Path repository,
            Infrastructure infrastructure,
            String which,
            Duration duration,
            int clients,
            int contacts) {
        List<String> scenarios = which.equals("all") ? SCENARIOS : List.of(which.split(","));
        if (!SCENARIOS.containsAll(scenarios)) {
            throw new IllegalArgumentException("unknown fault scenario " + which + "; one of all, " + SCENARIOS);
        }
        List<FaultOutcome> outcomes = new ArrayList<>();
        for (String scenario : scenarios) {
            FaultOutcome outcome;
            try {
                PlatformUnderFault.Fault fault = switch (scenario) {
                    case "broker-restart" -> InfrastructureFaults.kafkaDown(INFRASTRUCTURE_DOWN);
                    case "postgres-restart" ->
                        InfrastructureFaults.postgresDown(repository, infrastructure, INFRASTRUCTURE_DOWN);
                    case "smtp-down" -> PlatformUnderFault.smtpDown(SMTP_DOWN);
                    default -> PlatformUnderFault.kill(scenario.substring("kill-".length()));
                };
                outcome = PlatformUnderFault.run(
                        scenario, fault, repository, infrastructure, duration, clients, contacts);
            } catch (Exception | AssertionError e) {
                e.printStackTrace();
                outcome = FaultOutcome.notRun(scenario, "the scenario broke off: " + e);
            }
            outcome.print();
            outcomes.add(outcome);
            FaultOutcome.write(repository, outcomes);
        }
        return outcomes.stream().allMatch(FaultOutcome::passed);
    }

    private Faults() {}
}
