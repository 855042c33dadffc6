package org.warroom.notifier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * At most {@code limit} sends per {@code window} on one channel (a sliding window on the injected clock). A send
 * over the limit is not made: the notification stays pending and goes out on a later tick.
 */
public final class RateLimiter {
    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Deque<Instant> sent = new ArrayDeque<>();

    public RateLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Takes one send if the window has room. */
    public synchronized boolean tryAcquire() {
        Instant now = clock.instant();
        while (!sent.isEmpty() && !sent.peekFirst().isAfter(now.minus(window))) {
            sent.pollFirst();
        }
        if (sent.size() >= limit) {
            return false;
        }
        sent.addLast(now);
        return true;
    }

    /** Parses {@code 30/1m}: thirty per minute. */
    static RateLimiter parse(String key, String value, Clock clock) {
        int slash = value.indexOf('/');
        try {
            int limit = Integer.parseInt(value.substring(0, slash).strip());
            Duration window = org.warroom.contracts.config.Settings.ofKeys(java.util.Map.of("w", value.substring(slash + 1)))
                    .getDuration("w", Duration.ofMinutes(1));
            if (limit < 1) {
                throw new IllegalArgumentException();
            }
            return new RateLimiter(limit, window, clock);
        } catch (RuntimeException e) {
            throw new org.warroom.contracts.config.ConfigException(key, "must be COUNT/WINDOW such as 30/1m, was '" + value + "'");
        }
    }
}
