package org.warroom.streams.workers;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import org.warroom.contracts.event.WorkerRecord;

/**
 * The registry's size and how many workers were last verified on each UTC day (in store
 * {@code workers-totals-histogram}); also a delta of them (negative counts), so a re-verified worker moves days.
 */
record VerifiedHistogram(long total, TreeMap<Long, Long> verifiedByDay) {
    VerifiedHistogram {
        verifiedByDay = verifiedByDay == null ? new TreeMap<>() : new TreeMap<>(verifiedByDay);
    }

    static VerifiedHistogram empty() {
        return new VerifiedHistogram(0, new TreeMap<>());
    }

    /** A worker never verified ({@link #dayOf}). */
    static final long NEVER = Long.MIN_VALUE;

    /** The UTC day (days since the epoch) the worker was last verified on, or {@link #NEVER}. */
    static long dayOf(WorkerRecord worker) {
        OffsetDateTime verified = worker.verifiedAt();
        return verified == null ? NEVER : Math.floorDiv(verified.toInstant().toEpochMilli(), 86_400_000L);
    }

    /** The delta of one pending sum of {@link BucketDeltasProcessor}: {@code @total} or {@code @day|<day>}. */
    static VerifiedHistogram delta(String key, long delta) {
        if (key.equals(WorkerDims.TOTAL)) {
            return new VerifiedHistogram(delta, new TreeMap<>());
        }
        if (key.startsWith(WorkerDims.DAY)) {
            TreeMap<Long, Long> days = new TreeMap<>();
            days.put(Long.parseLong(key.substring(WorkerDims.DAY.length())), delta);
            return new VerifiedHistogram(0, days);
        }
        throw new IllegalArgumentException("totals delta: key must be " + WorkerDims.TOTAL + " or " + WorkerDims.DAY
                + "<day>, got " + key);
    }

    /** This histogram with {@code delta} added (days whose count falls to 0 are left out). */
    VerifiedHistogram plus(VerifiedHistogram delta) {
        TreeMap<Long, Long> days = new TreeMap<>(verifiedByDay);
        delta.verifiedByDay.forEach((day, n) -> {
            long count = days.getOrDefault(day, 0L) + n;
            if (count == 0) {
                days.remove(day);
            } else {
                days.put(day, count);
            }
        });
        return new VerifiedHistogram(total + delta.total, days);
    }

    /** Workers verified on day {@code today − windowDays + 1} or later (future days included). */
    long verifiedSince(long today, int windowDays) {
        return verifiedByDay.tailMap(today - windowDays + 1, true).values().stream().mapToLong(Long::longValue).sum();
    }

    Map<Long, Long> days() {
        return verifiedByDay;
    }
}
