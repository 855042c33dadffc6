package org.warroom.streams.support;

import java.util.ArrayList;
import java.util.List;

/**
 * The ids and event times of recent events, for exact "in the last hour" counts: an event counts while its
 * {@code at} lies in {@code (now − window, now]}... and also when it lies in the future of the wall clock (a sender's
 * clock ahead of ours). Duplicates (same id) are kept once. Events older than the window when they arrive are not
 * kept: they can no longer count.
 */
public record TimedIds(List<Entry> entries) {
    public record Entry(String id, long at) {
    }

    public TimedIds {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    public static TimedIds empty() {
        return new TimedIds(List.of());
    }

    public boolean contains(String id) {
        return entries.stream().anyMatch(e -> e.id().equals(id));
    }

    /** With the event added (unless it is a duplicate or already outside the window) and expired ones removed. */
    public TimedIds add(String id, long at, long now, long windowMillis) {
        List<Entry> kept = new ArrayList<>(pruned(now, windowMillis).entries);
        if (at > now - windowMillis && kept.stream().noneMatch(e -> e.id().equals(id))) {
            kept.add(new Entry(id, at));
        }
        return new TimedIds(kept);
    }

    /** Without the events that left the window. */
    public TimedIds pruned(long now, long windowMillis) {
        long from = now - windowMillis;
        if (entries.stream().allMatch(e -> e.at() > from)) {
            return this;
        }
        return new TimedIds(entries.stream().filter(e -> e.at() > from).toList());
    }

    /** Events within the window at {@code now}. */
    public int count(long now, long windowMillis) {
        long from = now - windowMillis;
        return (int) entries.stream().filter(e -> e.at() > from).count();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }
}
