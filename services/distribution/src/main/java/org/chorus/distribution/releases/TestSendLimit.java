package org.chorus.distribution.releases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most {@code chorus.releases.test-sends-per-minute} test sends per coordinator in any minute (default 3). Only
 * accepted sends count (a send refused after {@link #take} is given back), and each coordinator has a budget of
 * their own.
 */
@Component
class TestSendLimit {
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int MAX_COORDINATORS = 10_000;

    private final int perMinute;
    private final Clock clock;
    private final Map<String, Deque<Instant>> sent = new ConcurrentHashMap<>();

    TestSendLimit(@Value("${chorus.releases.test-sends-per-minute:3}") int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Takes one send from the coordinator's budget; when it is spent, how long until one is free again. */
    Optional<Duration> take(String coordinator) {
        Instant now = clock.instant();
        if (sent.size() > MAX_COORDINATORS) {
            sent.values().removeIf(times -> times.isEmpty() || times.peekLast().isBefore(now.minus(WINDOW)));
        }
        Deque<Instant> times = sent.computeIfAbsent(coordinator.toLowerCase(Locale.ROOT), key -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
                times.removeFirst();
            }
            if (times.size() >= perMinute) {
                return Optional.of(Duration.between(now, times.peekFirst().plus(WINDOW)));
            }
            times.addLast(now);
            return Optional.empty();
        }
    }

    /** Gives back the send {@link #take} just took, when the send was refused after all. */
    void giveBack(String coordinator) {
        Deque<Instant> times = sent.get(coordinator.toLowerCase(Locale.ROOT));
        if (times != null) {
            synchronized (times) {
                times.pollLast();
            }
        }
    }
}
