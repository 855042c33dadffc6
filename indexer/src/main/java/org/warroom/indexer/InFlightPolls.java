package org.warroom.indexer;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * The polls whose work (Elasticsearch writes, dead letters) is not all acknowledged yet, oldest first, and what may
 * be committed: per partition, the end of the newest poll such that this poll and every older one have finished all
 * their work of that partition. A write still failing holds its partition's commit back (later polls of the same
 * partition wait behind it); other partitions go on. Used by the indexer's consumer thread only.
 */
final class InFlightPolls {

    /** One poll: where each of its partitions ends, and how much work of each is still open. */
    static final class Poll {
        private final Map<TopicPartition, Long> ends;
        private final Map<TopicPartition, Integer> open = new HashMap<>();
        private final long bytes;
        private final long startedNanos = System.nanoTime();

        private Poll(Map<TopicPartition, Long> ends, long bytes) {
            this.ends = new HashMap<>(ends);
            this.bytes = bytes;
            ends.keySet().forEach(tp -> open.put(tp, 0));
        }

        long startedNanos() {
            return startedNanos;
        }

        /** Whether work of this partition still counts (false once the partition was revoked). */
        boolean owns(TopicPartition tp) {
            return open.containsKey(tp);
        }

        private boolean finished() {
            for (int n : open.values()) {
                if (n > 0) {
                    return false;
                }
            }
            return true;
        }
    }

    private final ArrayDeque<Poll> polls = new ArrayDeque<>();
    private final Map<TopicPartition, Long> committed = new HashMap<>();
    private long bytes;

    /**
     * Starts tracking a poll.
     *
     * @param ends per partition of the poll, the offset to commit once all of its work is done (the consumer's
     *             position right after the poll)
     */
    Poll open(Map<TopicPartition, Long> ends, long bytes) {
        Poll p = new Poll(ends, bytes);
        polls.addLast(p);
        this.bytes += bytes;
        return p;
    }

    /** One more piece of work of this partition in this poll. */
    void expect(Poll poll, TopicPartition tp) {
        poll.open.computeIfPresent(tp, (k, n) -> n + 1);
    }

    /** One piece of work of this partition in this poll is acknowledged. */
    void finish(Poll poll, TopicPartition tp) {
        poll.open.computeIfPresent(tp, (k, n) -> n - 1);
    }

    /**
     * The offsets that may be committed now and were not returned before; forgets the oldest polls once finished.
     *
     * @param done called with each poll leaving the head finished (for the batch timer)
     */
    Map<TopicPartition, Long> committable(java.util.function.Consumer<Poll> done) {
        Map<TopicPartition, Long> result = new HashMap<>();
        Map<TopicPartition, Boolean> blocked = new HashMap<>();
        for (Poll p : polls) {
            for (Map.Entry<TopicPartition, Integer> e : p.open.entrySet()) {
                TopicPartition tp = e.getKey();
                if (blocked.containsKey(tp)) {
                    continue;
                }
                if (e.getValue() > 0) {
                    blocked.put(tp, true);
                } else {
                    result.put(tp, p.ends.get(tp));
                }
            }
        }
        result.entrySet().removeIf(e -> {
            Long last = committed.get(e.getKey());
            return last != null && last >= e.getValue();
        });
        committed.putAll(result);
        while (!polls.isEmpty() && polls.peekFirst().finished()) {
            Poll p = polls.removeFirst();
            bytes -= p.bytes;
            done.accept(p);
        }
        return result;
    }

    /** Partitions taken away by a rebalance: their work no longer counts and nothing more is committed for them. */
    void revoke(Collection<TopicPartition> partitions) {
        for (Poll p : polls) {
            partitions.forEach(tp -> {
                p.open.remove(tp);
                p.ends.remove(tp);
            });
        }
        partitions.forEach(committed::remove);
    }

    /** The offset last returned by {@link #committable} for a partition (committed or about to be), or null. */
    Long committed(TopicPartition tp) {
        return committed.get(tp);
    }

    /** A position commit the indexer made by itself (past transaction markers, nothing in flight). */
    void committedIdle(TopicPartition tp, long offset) {
        committed.merge(tp, offset, Math::max);
    }

    int size() {
        return polls.size();
    }

    long bytes() {
        return bytes;
    }

    boolean isEmpty() {
        return polls.isEmpty();
    }
}
