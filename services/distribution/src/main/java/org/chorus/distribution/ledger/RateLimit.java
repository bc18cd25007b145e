package org.chorus.distribution.ledger;

import java.util.concurrent.TimeUnit;

/** Spaces messages evenly across all sending threads: at most {@code perSecond} a second (0 = no limit). */
final class RateLimit {
    private volatile long intervalNanos;
    private long next;

    RateLimit(double perSecond) {
        perSecond(perSecond);
    }

    void perSecond(double perSecond) {
        intervalNanos = perSecond <= 0 ? 0 : (long) (1_000_000_000L / perSecond);
    }

    /** Waits for the next slot; returns the nanoseconds waited (0 without a limit), or -1 if interrupted. */
    long acquire() {
        long wait = reserve();
        if (wait <= 0) {
            return 0;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(wait);
            return wait;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private synchronized long reserve() {
        long interval = intervalNanos;
        if (interval == 0) {
            return 0;
        }
        long now = System.nanoTime();
        long slot = Math.max(now, next);
        next = slot + interval;
        return slot - now;
    }
}
