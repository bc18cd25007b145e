package org.chorus.bench;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.chorus.testsupport.Http;

/**
 * The coordinators' side of a fault scenario ({@link PlatformUnderFault}): a coordinator drafts a statement and opens
 * it for signing, again and again, through the statements API with the bootstrap coordinator's token. An opening that
 * got no answer (connection lost, 5xx) is tried again until it is answered: 200, or 409 "already open" when the lost
 * attempt had committed (for at most 3 minutes after the load, else an anomaly). A draft whose creation got no answer is left alone, as the coordinator would find it in
 * their list later.
 *
 * <p>The check: every statement whose opening was accepted is open for signing in signatures and known by its title
 * to tracking, i.e. its {@code chorus.statement.opened.v1} went through statements' outbox to both.
 */
final class DraftingUnderFault {
    private static final String TOKEN = "chorus-fault-coordinator-token";
    private static final Duration BETWEEN_STATEMENTS = Duration.ofMillis(500);
    private static final Duration RETRIES_AFTER_STOP = Duration.ofMinutes(3);

    /** Makes statements create the coordinator this side acts as, with {@link #TOKEN} for its API. */
    static final List<String> BOOTSTRAP = List.of(
            "--chorus.bootstrap.coordinator.email=fault-coordinator@coalition.example",
            "--chorus.bootstrap.coordinator.password=fault-coordinator-password",
            "--chorus.bootstrap.coordinator.totp-secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
            "--chorus.bootstrap.coordinator.api-token=" + TOKEN);

    private final Http statements;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong created = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final Map<UUID, String> opened = new ConcurrentHashMap<>();
    private final Set<UUID> openedByLostAttempt = ConcurrentHashMap.newKeySet();
    private final Set<String> anomalies = ConcurrentHashMap.newKeySet();

    DraftingUnderFault(String statements) {
        this.statements = new Http(statements).withHeader("Authorization", "Bearer " + TOKEN);
    }

    /** Drafts and opens statements until {@link #stop}. */
    void run() {
        for (int n = 0; running.get(); n++) {
            String title = "Fault draft " + n;
            UUID draft = create(title);
            if (draft != null) {
                open(draft, title);
            }
            pause(BETWEEN_STATEMENTS);
        }
    }

    void stop() {
        running.set(false);
    }

    private UUID create(String title) {
        try {
            Http.Response answer = statements.postJson(
                    "/api/statements", Map.of("title", title, "body", "The text of " + title + ".", "language", "en"));
            if (answer.status() == 201) {
                created.incrementAndGet();
                return UUID.fromString(answer.json().get("id").asString());
            }
        } catch (UncheckedIOException down) {
            // counted below, as any answer but 201
        }
        errors.incrementAndGet();
        return null;
    }

    private void open(UUID draft, String title) {
        boolean unanswered = false;
        long stoppedAt = 0;
        while (running.get() || unanswered) {
            if (!running.get()) {
                stoppedAt = stoppedAt == 0 ? System.nanoTime() : stoppedAt;
                if (System.nanoTime() - stoppedAt > RETRIES_AFTER_STOP.toNanos()) {
                    anomalies.add("an opening was never answered");
                    return;
                }
            }
            int status;
            try {
                status = statements
                        .postJson("/api/statements/" + draft + "/open", Map.of())
                        .status();
            } catch (UncheckedIOException down) {
                status = -1;
            }
            if (status == 200) {
                opened.put(draft, title);
                return;
            }
            if (status == 409 && unanswered) {
                opened.put(draft, title);
                openedByLostAttempt.add(draft);
                return;
            }
            if (status >= 400 && status < 500) {
                anomalies.add("opening answered " + status + " on a first attempt");
                return;
            }
            errors.incrementAndGet();
            unanswered = true;
            pause(Duration.ofMillis(200));
        }
    }

    /** Every statement opened is open for signing in signatures and titled in tracking's counts, within 2 minutes. */
    PlatformUnderFault.Checked check(String signing, String tracked) {
        Http signatures = new Http(signing);
        Http tracking = new Http(tracked);
        Set<UUID> signable = ConcurrentHashMap.newKeySet();
        Set<UUID> counted = ConcurrentHashMap.newKeySet();
        SignOnUnderFault.awaitQuietly(Duration.ofMinutes(2), () -> {
            opened.forEach((statement, title) -> {
                if (!signable.contains(statement)
                        && signatures.get("/sign/" + statement).status() == 200) {
                    signable.add(statement);
                }
                if (!counted.contains(statement)) {
                    Http.Response counts = tracking.get("/api/statements/" + statement + "/counts");
                    if (counts.status() == 200
                            && title.equals(counts.json().path("title").asString(null))) {
                        counted.add(statement);
                    }
                }
            });
            return signable.size() == opened.size() && counted.size() == opened.size();
        });
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("statementsCreated", created.get());
        figures.put("opened", opened.size());
        figures.put("openedByLostAttempt", openedByLostAttempt.size());
        figures.put("apiAttemptsFailed", errors.get());
        figures.put("openInSignatures", signable.size());
        figures.put("titledInTracking", counted.size());
        return new PlatformUnderFault.Checked(
                !opened.isEmpty()
                        && signable.size() == opened.size()
                        && counted.size() == opened.size()
                        && anomalies.isEmpty(),
                "every statement whose opening statements accepted (200, or 409 after a lost attempt) is open for"
                        + " signing in signatures and titled in tracking",
                figures,
                anomalies.isEmpty() ? "" : "drafting anomalies: " + anomalies);
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
