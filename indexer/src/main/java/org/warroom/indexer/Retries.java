package org.warroom.indexer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What waits to be tried again — Elasticsearch writes answered in a retryable way (429, 5xx, no answer) and dead
 * letters Kafka did not acknowledge — and when: one retry at a time, after an exponential backoff from
 * {@code indexer.retry.initial} doubling up to {@code indexer.retry.max}, for as long as it takes. While anything
 * waits the indexer is "backing off" (it pauses every partition); the first answer after which nothing waits any
 * more ends it and resets the backoff. Work of partitions revoked meanwhile is dropped when due (its poll no longer
 * owns it). Used by the indexer's consumer thread only.
 */
final class Retries {
    private static final Logger LOG = LoggerFactory.getLogger(Retries.class);

    /** What is due now: writes to submit again, grouped by their poll (in order), and dead letters to send again. */
    record Due(Map<InFlightPolls.Poll, List<IndexAction>> writes, List<DeadLetters.Answer> deadLetters) {
        boolean isEmpty() {
            return writes.isEmpty() && deadLetters.isEmpty();
        }
    }

    /** A write to try again, on behalf of its poll. */
    private record Write(InFlightPolls.Poll poll, IndexAction action) {
    }

    private final Duration initial;
    private final Duration max;
    private final IndexerMetrics metrics;
    private final List<Write> writes = new ArrayList<>();
    private final List<DeadLetters.Answer> deadLetters = new ArrayList<>();
    private boolean backingOff;
    private long retryAtNanos;
    private Duration backoff;
    private int attempt;

    Retries(Duration initial, Duration max, IndexerMetrics metrics) {
        this.initial = initial;
        this.max = max;
        this.metrics = metrics;
        this.backoff = initial;
    }

    /** Whether anything waits for a retry (or the last retry is not answered yet). */
    boolean backingOff() {
        return backingOff;
    }

    /** Queues a write for the next retry. */
    void write(InFlightPolls.Poll poll, IndexAction action) {
        writes.add(new Write(poll, action));
    }

    /** Queues a dead letter Kafka refused and schedules the retry. */
    void deadLetter(DeadLetters.Answer refused) {
        deadLetters.add(refused);
        backOff(0, refused.failure().toString());
    }

    /** Schedules the next retry (unless one is scheduled): exponential backoff while answers keep failing. */
    void backOff(int failedWrites, String reason) {
        metrics.retried(failedWrites);
        if (retryAtNanos != 0) {
            return;
        }
        attempt++;
        backingOff = true;
        metrics.retrying(true);
        if (attempt == 1 || attempt % 10 == 0) {
            LOG.warn("{} writes not acknowledged (attempt {}), retrying in {}: {}", writes.size() + deadLetters.size(),
                    attempt, backoff, reason);
        }
        retryAtNanos = Math.max(1, System.nanoTime() + backoff.toNanos());
        backoff = backoff.multipliedBy(2).compareTo(max) > 0 ? max : backoff.multipliedBy(2);
    }

    /** After a successful answer: when nothing waits for a retry any more, the back-off is over. */
    void recoveredIfClear() {
        if (backingOff && writes.isEmpty() && deadLetters.isEmpty() && retryAtNanos == 0) {
            LOG.info("Elasticsearch acknowledged again after {} retries; catching up", attempt);
            backingOff = false;
            attempt = 0;
            backoff = initial;
            metrics.retrying(false);
        }
    }

    /** How long to wait for an answer at most, so as not to miss the scheduled retry. */
    long nanosToWait(long atMost, long nowNanos) {
        return retryAtNanos == 0 ? atMost : Math.max(0, Math.min(atMost, retryAtNanos - nowNanos));
    }

    /**
     * When the scheduled retry is due: takes everything queued (dropping writes of partitions revoked since) and
     * returns it; null when nothing is due.
     */
    Due takeDue(long nowNanos) {
        if (retryAtNanos == 0 || nowNanos - retryAtNanos < 0) {
            return null;
        }
        retryAtNanos = 0;
        Map<InFlightPolls.Poll, List<IndexAction>> byPoll = new LinkedHashMap<>();
        for (Write w : writes) {
            if (w.poll().owns(new TopicPartition(w.action().topic(), w.action().partition()))) {
                byPoll.computeIfAbsent(w.poll(), p -> new ArrayList<>()).add(w.action());
            }
        }
        writes.clear();
        List<DeadLetters.Answer> again = List.copyOf(deadLetters);
        deadLetters.clear();
        return new Due(byPoll, again);
    }
}
