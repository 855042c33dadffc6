package org.warroom.streams.workers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.warroom.contracts.event.WorkerRecord;

/**
 * Pre-aggregates the registry before the shuffle: each worker record becomes count deltas — −1 for every bucket of
 * the worker's previous record (store {@value WorkerDistributionTopology#DIMS_STORE}), +1 for every bucket of the new
 * one — summed per bucket in store {@value WorkerDistributionTopology#PENDING_STORE} and forwarded, one record per
 * bucket whose sum is not zero, every {@code flushInterval} of wall-clock time. A bulk upload of a million workers so
 * sends a few hundred deltas per flush instead of a million records through every dimension's repartition.
 *
 * <p>Exactness: the pending sums are a changelogged store written in the same transaction as the input offsets, and
 * the punctuator's forwards and deletes are in the transaction of the commit after it; a crash anywhere replays to the
 * same sums. A record equal in every counted dimension to the previous one (a repeat, or a change of name or phone)
 * changes nothing; a tombstone leaves every bucket of the previous record. The pending store caches (only this store
 * does), so a bucket touched by many records between two commits writes its changelog once.
 */
final class BucketDeltasProcessor implements Processor<String, WorkerRecord, String, BucketDeltasProcessor.Delta> {
    /** Key of the one totals record of a flush. */
    static final String TOTALS_KEY = WorkerDims.TOTALS + "totals";

    /**
     * What a flush forwards: a bucket's count delta ({@code by|bucket} → count), or under {@link #TOTALS_KEY} all of the
     * totals' deltas of the flush in one histogram, so the totals move in one step.
     */
    record Delta(long count, VerifiedHistogram totals) {
    }

    private final Duration flushInterval;
    private ProcessorContext<String, Delta> context;
    private KeyValueStore<String, WorkerDims> dims;
    private KeyValueStore<String, Long> pending;

    BucketDeltasProcessor(Duration flushInterval) {
        this.flushInterval = flushInterval;
    }

    @Override
    public void init(ProcessorContext<String, Delta> context) {
        this.context = context;
        this.dims = context.getStateStore(WorkerDistributionTopology.DIMS_STORE);
        this.pending = context.getStateStore(WorkerDistributionTopology.PENDING_STORE);
        context.schedule(flushInterval, PunctuationType.WALL_CLOCK_TIME, this::flush);
    }

    @Override
    public void process(Record<String, WorkerRecord> record) {
        String worker = record.key();
        if (worker == null) {
            return;
        }
        WorkerDims before = dims.get(worker);
        WorkerDims now = record.value() == null ? null : WorkerDims.of(record.value());
        if (Objects.equals(before, now)) {
            return;
        }
        if (before != null) {
            before.counted().forEach(key -> add(key, -1));
        }
        if (now != null) {
            now.counted().forEach(key -> add(key, +1));
            dims.put(worker, now);
        } else {
            dims.delete(worker);
        }
    }

    private void add(String key, long delta) {
        Long sum = pending.get(key);
        long next = (sum == null ? 0 : sum) + delta;
        if (next == 0) {
            pending.delete(key);
        } else {
            pending.put(key, next);
        }
    }

    /** Forwards every pending sum and forgets it. */
    void flush(long now) {
        List<KeyValue<String, Long>> sums = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = pending.all()) {
            all.forEachRemaining(sums::add);
        }
        VerifiedHistogram totals = null;
        for (KeyValue<String, Long> sum : sums) {
            if (sum.key.startsWith(WorkerDims.TOTALS)) {
                VerifiedHistogram delta = VerifiedHistogram.delta(sum.key, sum.value);
                totals = totals == null ? delta : totals.plus(delta);
            } else {
                context.forward(new Record<>(sum.key, new Delta(sum.value, null), now));
            }
            pending.delete(sum.key);
        }
        if (totals != null) {
            context.forward(new Record<>(TOTALS_KEY, new Delta(0, totals), now));
        }
    }
}
