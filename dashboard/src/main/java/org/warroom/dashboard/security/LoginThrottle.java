package org.warroom.dashboard.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Login throttling with Bucket4j token buckets, one per username and one per client address: every failed
 * login attempt takes a token (a successful one gives it back); a login, even with the right password, is
 * refused while either bucket is empty. Buckets
 * refill gradually over {@link LoginLimits#window()}. The maps are bounded (least recently used dropped), so
 * an attack with many names or addresses cannot grow memory without bound. Time comes from the injected clock.
 */
public final class LoginThrottle {
    private static final int MAX_TRACKED = 100_000;

    private final LoginLimits limits;
    private final TimeMeter time;
    private final Map<String, Bucket> users = lru();
    private final Map<String, Bucket> addresses = lru();

    public LoginThrottle(LoginLimits limits, Clock clock) {
        this.limits = limits;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                java.time.Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /**
     * Takes one attempt from the username's and the address's buckets before the password is checked (so that
     * parallel guesses cannot overtake the count); empty when the attempt may go on, else how long to wait.
     */
    public synchronized java.util.Optional<Duration> attempt(String username, String address) {
        Bucket user = bucket(users, key(username), limits.perUser());
        Bucket ip = bucket(addresses, address, limits.perAddress());
        long wait = Math.max(waitNanos(user), waitNanos(ip));
        if (wait > 0) {
            return java.util.Optional.of(Duration.ofNanos(wait));
        }
        user.tryConsume(1);
        ip.tryConsume(1);
        return java.util.Optional.empty();
    }

    /** A successful login gives its attempt back and clears the username's failures. */
    public synchronized void succeeded(String username, String address) {
        users.remove(key(username));
        Bucket ip = addresses.get(address);
        if (ip != null) {
            ip.addTokens(1);
        }
    }

    private static long waitNanos(Bucket b) {
        var probe = b.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
    }

    private Bucket bucket(Map<String, Bucket> map, String key, int capacity) {
        return map.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(l -> l.capacity(capacity).refillGreedy(capacity, limits.window()))
                .withCustomTimePrecision(time)
                .build());
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static Map<String, Bucket> lru() {
        return new LinkedHashMap<>(256, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > MAX_TRACKED;
            }
        };
    }
}
