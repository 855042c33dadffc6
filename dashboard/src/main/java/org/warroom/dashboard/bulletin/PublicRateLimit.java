package org.warroom.dashboard.bulletin;

import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bulletin's own rate limit, apart from the login throttle: a Bucket4j token bucket per client address,
 * {@code perMinute} requests a minute refilled gradually. Lock-free on the hot path (a concurrent map of lock-free
 * buckets); bounded: past {@value #MAX_TRACKED} addresses the map starts afresh, which at worst lets a client
 * through early.
 */
public final class PublicRateLimit {
    static final int MAX_TRACKED = 100_000;

    private final int perMinute;
    private final Map<String, Bucket> addresses = new ConcurrentHashMap<>();

    public PublicRateLimit(int perMinute) {
        this.perMinute = perMinute;
    }

    /** Takes one request from the address's bucket: empty when it may go on, else how long to wait. */
    public Optional<Duration> take(String address) {
        if (addresses.size() > MAX_TRACKED) {
            addresses.clear();
        }
        Bucket bucket = addresses.computeIfAbsent(address, a -> Bucket.builder()
                .addLimit(l -> l.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty()
                : Optional.of(Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill())));
    }
}
