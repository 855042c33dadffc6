package org.warroom.tools.faults;

import java.util.ArrayList;
import java.util.List;

/**
 * When each accepted worker was acknowledged: the cumulative count of accepted workers (starting from those of
 * earlier runs) against the time of the answer. Freshness asks it how long the oldest accepted worker that a result
 * does not yet cover has been waiting.
 */
public final class AcceptedTimeline {
    private final List<long[]> points = new ArrayList<>();
    private long workers;

    public AcceptedTimeline(long earlierWorkers) {
        this.workers = earlierWorkers;
    }

    synchronized void add(List<LoadEvent> answered) {
        long added = answered.stream().filter(e -> e.kind() == LoadEvent.Kind.WORKER).count();
        if (added > 0) {
            workers += added;
            points.add(new long[] {System.currentTimeMillis(), workers});
        }
    }

    public synchronized long workers() {
        return workers;
    }

    /**
     * How long (ms) at {@code now} the first accepted worker beyond {@code covered} has been acknowledged, 0 when the
     * result covers every accepted worker.
     */
    public synchronized long staleness(long covered, long now) {
        int lo = 0;
        int hi = points.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (points.get(mid)[1] > covered) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo == points.size() ? 0 : Math.max(0, now - points.get(lo)[0]);
    }
}
