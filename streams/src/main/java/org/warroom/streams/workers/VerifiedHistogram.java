package org.warroom.streams.workers;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import org.warroom.contracts.event.WorkerRecord;

/**
 * The registry's size and how many workers were last verified on each UTC day (aggregate store
 * {@code workers-totals-aggregate}); built with an adder and a subtractor, so a re-verified worker moves days.
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

    VerifiedHistogram add(Long day) {
        return change(day, 1);
    }

    VerifiedHistogram remove(Long day) {
        return change(day, -1);
    }

    private VerifiedHistogram change(Long day, int delta) {
        TreeMap<Long, Long> days = new TreeMap<>(verifiedByDay);
        if (day != null && day != NEVER) {
            long count = days.getOrDefault(day, 0L) + delta;
            if (count == 0) {
                days.remove(day);
            } else {
                days.put(day, count);
            }
        }
        return new VerifiedHistogram(total + delta, days);
    }

    /** Workers verified on day {@code today − windowDays + 1} or later (future days included). */
    long verifiedSince(long today, int windowDays) {
        return verifiedByDay.tailMap(today - windowDays + 1, true).values().stream().mapToLong(Long::longValue).sum();
    }

    Map<Long, Long> days() {
        return verifiedByDay;
    }
}
