package org.warroom.streams.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Exact counts of distinct ids per group over a sliding window of event time ({@code at} in
 * {@code (now − window, now]}, or later than now: a sender's clock ahead of ours), kept in three stores so that one
 * event costs a few small reads and writes however many ids the window holds:
 * <ul>
 *   <li>{@code <name>-seen}: {@code group␀id} → its latest at (a repeated id is not counted again);</li>
 *   <li>{@code <name>-expiry}: {@code at␀group␀id} → group, ordered by time, so expiring is one range scan from the
 *       oldest;</li>
 *   <li>{@code <name>-counts}: group → count.</li>
 * </ul>
 * An id older than the window when it arrives is not kept: it could no longer count. (One list of ids per group in one
 * store value grew past Kafka's 1 MiB record limit at all-India message rates and stopped the stream thread.)
 */
public final class ExpiringIds {
    private static final char SEP = '\u0000';
    /** The {@code -seen} value of an id taken out of the count ({@link #remove}); never a real time. */
    private static final long REMOVED = Long.MIN_VALUE;
    /** Suffix of an {@code -expiry} value whose id was taken out of the count already. */
    private static final String REMOVED_MARK = "removed";

    private final KeyValueStore<String, Long> seen;
    private final KeyValueStore<String, String> expiry;
    private final KeyValueStore<String, Long> counts;
    /**
     * Every id with a time at or before this was expired already (-1: not known since this instance started). Each
     * expiry scan starts here rather than at the first key: RocksDB keeps the deleted keys as tombstones until a
     * compaction, and a scan from the first key stepped over all the hour's deleted ones on every event (at 250
     * events/s the stream thread spent half its time in that seek).
     */
    private long expiredUpTo = -1;

    public ExpiringIds(ProcessingContext context, String name) {
        this.seen = context.getStateStore(name + "-seen");
        this.expiry = context.getStateStore(name + "-expiry");
        this.counts = context.getStateStore(name + "-counts");
    }

    /** Adds the three stores of {@code name} to the builder. */
    public static void addStores(StreamsBuilder builder, String name) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name + "-seen"), Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name + "-expiry"), Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name + "-counts"), Serdes.String(), Serdes.Long()));
    }

    /** The names of the stores of {@code name} (for connecting them to a processor). */
    public static String[] storeNames(String name) {
        return new String[] {name + "-seen", name + "-expiry", name + "-counts"};
    }

    /** The processor's {@code other} stores followed by the three of {@code name}. */
    public static String[] storeNamesWith(String name, String... other) {
        String[] all = Arrays.copyOf(other, other.length + 3);
        System.arraycopy(storeNames(name), 0, all, other.length, 3);
        return all;
    }

    /**
     * Counts {@code id} in {@code group} unless it is already outside the window; true when newly counted. An id
     * seen again with a later time (a ticket reopened within the hour) is not counted twice but stays in the window
     * until its latest time leaves it: the window holds the ids with any time in it.
     */
    public boolean add(String group, String id, long at, long now, long windowMillis) {
        if (at <= Math.max(now - windowMillis, expiredUpTo)) {
            return false;
        }
        String seenKey = group + SEP + id;
        Long seenAt = seen.get(seenKey);
        if (seenAt != null) {
            if (seenAt != REMOVED && at > seenAt) { // a removed id stays out of the count
                expiry.delete(Times.sortable(seenAt) + SEP + group + SEP + id);
                seen.put(seenKey, at);
                expiry.put(Times.sortable(at) + SEP + group + SEP + id, group);
            }
            return false;
        }
        seen.put(seenKey, at);
        expiry.put(Times.sortable(at) + SEP + group + SEP + id, group);
        counts.put(group, count(group) + 1);
        return true;
    }

    /**
     * Takes {@code id} out of {@code group}'s count for good: its entry stays in the window, marked as removed, so that
     * a later copy of the same id is not counted again; it leaves with the window like any other. True when it was
     * counted and now is not.
     */
    public boolean remove(String group, String id, long at, long now, long windowMillis) {
        String seenKey = group + SEP + id;
        Long seenAt = seen.get(seenKey);
        if (seenAt == null) {
            if (at > Math.max(now - windowMillis, expiredUpTo)) {
                seen.put(seenKey, REMOVED);
                expiry.put(Times.sortable(at) + SEP + group + SEP + id, group + SEP + REMOVED_MARK);
            }
            return false;
        }
        if (seenAt == REMOVED) {
            return false;
        }
        seen.put(seenKey, REMOVED);
        expiry.put(Times.sortable(seenAt) + SEP + group + SEP + id, group + SEP + REMOVED_MARK);
        long left = count(group) - 1;
        if (left > 0) {
            counts.put(group, left);
        } else {
            counts.delete(group);
        }
        return true;
    }

    /** Forgets every id whose time left the window at {@code now}; the groups whose count fell, oldest first. */
    public Set<String> expire(long now, long windowMillis) {
        long cutoff = now - windowMillis;
        if (cutoff < 0) {
            return Set.of();
        }
        List<KeyValue<String, String>> gone = new ArrayList<>();
        String from = expiredUpTo < 0 ? null : Times.sortable(expiredUpTo);
        try (KeyValueIterator<String, String> old = expiry.range(from, Times.sortable(cutoff) + '\u0001')) {
            old.forEachRemaining(gone::add);
        }
        Set<String> changed = new LinkedHashSet<>();
        for (KeyValue<String, String> entry : gone) {
            boolean removed = entry.value.endsWith(SEP + REMOVED_MARK);
            String group = removed ? entry.value.substring(0, entry.value.length() - REMOVED_MARK.length() - 1)
                    : entry.value;
            String id = entry.key.substring(entry.key.indexOf(SEP, entry.key.indexOf(SEP) + 1) + 1);
            expiry.delete(entry.key);
            seen.delete(group + SEP + id);
            if (removed) {
                continue; // no longer counted: nothing to take off
            }
            long left = count(group) - 1;
            if (left > 0) {
                counts.put(group, left);
            } else {
                counts.delete(group);
            }
            changed.add(group);
        }
        // Nothing at or before the cutoff can be added later: add() refuses it (even if the wall clock went back).
        expiredUpTo = Math.max(expiredUpTo, cutoff);
        return changed;
    }

    /** Every group with ids in the window and their counts (as of the last {@link #expire}), read in one pass. */
    public Map<String, Long> counts() {
        Map<String, Long> all = new HashMap<>();
        try (KeyValueIterator<String, Long> it = counts.all()) {
            it.forEachRemaining(entry -> all.put(entry.key, entry.value));
        }
        return all;
    }

    /** Ids of {@code group} in the window (as of the last {@link #expire}). */
    public long count(String group) {
        Long n = counts.get(group);
        return n == null ? 0 : n;
    }
}
