package org.chorus.testsupport;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Waits for an asynchronous outcome (an event crossing Kafka) without fixed sleeps. An attempt that fails with an
 * assertion or an exception (say a 404 body read before the event arrived) is retried until the timeout, then the last
 * failure is thrown.
 */
public final class Eventually {

    public static <T> T await(Duration timeout, Supplier<T> attempt) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Throwable last = null;
        while (System.nanoTime() < deadline) {
            try {
                return attempt.get();
            } catch (AssertionError | RuntimeException e) {
                last = e;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (last instanceof RuntimeException e) {
            throw e;
        }
        throw last == null ? new AssertionError("timed out after " + timeout) : (AssertionError) last;
    }

    public static void await(Duration timeout, Runnable assertion) {
        await(timeout, () -> {
            assertion.run();
            return null;
        });
    }

    private Eventually() {}
}
