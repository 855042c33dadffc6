package org.warroom.ingest.auth;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rate limit per API key (Bucket4j token buckets, one per key id): a key may send {@code burst} events at
 * once and {@code perSecond} events per second sustained. A request costs one token per event it carries
 * (a registry upload costs one). Tokens come back as the service's clock moves (the clock tests move by hand).
 */
public final class RateLimiter {
    private final long perSecond;
    private final long burst;
    private final TimeMeter time;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(long perSecond, long burst, Clock clock) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** Takes {@code events} tokens for the key; when it cannot, says how long to wait. */
    public Verdict take(String keyId, long events) {
        Bucket bucket = buckets.computeIfAbsent(keyId, k -> Bucket.builder().withCustomTimePrecision(time)
                .addLimit(limit -> limit.capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(Math.max(1, Math.min(events, burst)));
        return probe.isConsumed() ? Verdict.ALLOWED : new Verdict(false, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Whether the request may go on, else how long until it could. */
    public record Verdict(boolean allowed, Duration retryAfter) {
        static final Verdict ALLOWED = new Verdict(true, Duration.ZERO);

        /** Whole seconds for a {@code Retry-After} header, at least 1. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }
}
