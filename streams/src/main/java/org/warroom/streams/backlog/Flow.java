package org.warroom.streams.backlog;

import org.warroom.streams.support.TimedIds;

/** Arrivals and resolutions of one district × department (store {@code backlog-flow}), by ticket id and {@code at}. */
record Flow(TimedIds opened, TimedIds resolved, int unknownResolves) {
    static Flow empty() {
        return new Flow(TimedIds.empty(), TimedIds.empty(), 0);
    }

    Flow pruned(long now, long window) {
        return new Flow(opened.pruned(now, window), resolved.pruned(now, window), unknownResolves);
    }
}
