package org.warroom.streams.calls;

import org.warroom.streams.support.TimedIds;

/** Per line (store {@code call-load-lines}): calls started recently, by call id and {@code at}; calls expired so far. */
record LineCounters(TimedIds starts, long expired) {
    static LineCounters empty() {
        return new LineCounters(TimedIds.empty(), 0);
    }
}
