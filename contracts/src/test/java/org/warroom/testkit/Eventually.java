package org.warroom.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Polls a condition until it holds or a deadline passes: the only way tests here wait for results. */
public final class Eventually {
    private Eventually() {
    }

    /** Runs {@code assertion} until it stops throwing, or rethrows its last failure after {@code timeout}. */
    public static void eventually(Duration timeout, Runnable assertion) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError | RuntimeException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
                pause();
            }
        }
    }

    /** Polls {@code value} until it satisfies nothing more than being non-null, or fails after {@code timeout}. */
    public static <T> T await(Duration timeout, String what, Supplier<T> value) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            T v = value.get();
            if (v != null) {
                return v;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            pause();
        }
    }

    private static void pause() {
        // A short park between polls; the deadline, not this pause, bounds the wait.
        java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
}
