package org.chorus.testsupport;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for an asynchronous outcome (an event crossing Kafka) without fixed sleeps. */
public final class Eventually {

    public static <T> T await(Duration timeout, Supplier<T> attempt) {
        long deadline = System.nanoTime() + timeout.toNanos();
        AssertionError last = null;
        while (System.nanoTime() < deadline) {
            try {
                return attempt.get();
            } catch (AssertionError e) {
                last = e;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw last == null ? new AssertionError("timed out after " + timeout) : last;
    }

    public static void await(Duration timeout, Runnable assertion) {
        await(timeout, () -> {
            assertion.run();
            return null;
        });
    }

    private Eventually() {}
}
