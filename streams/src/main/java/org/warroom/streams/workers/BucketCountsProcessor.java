package org.warroom.streams.workers;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.warroom.contracts.result.DistributionBucket;

/**
 * Adds the bucket deltas of every task ({@code by|bucket} → delta, repartition
 * {@value WorkerDistributionTopology#BUCKET_DELTAS}) to the bucket's count (store
 * {@value WorkerDistributionTopology#COUNTS_STORE}) and sends the bucket's new count.
 */
final class BucketCountsProcessor implements Processor<String, Long, String, DistributionBucket> {
    private final BucketNames names;
    private ProcessorContext<String, DistributionBucket> context;
    private KeyValueStore<String, Long> counts;

    BucketCountsProcessor(BucketNames names) {
        this.names = names;
    }

    @Override
    public void init(ProcessorContext<String, DistributionBucket> context) {
        this.context = context;
        this.counts = context.getStateStore(WorkerDistributionTopology.COUNTS_STORE);
    }

    @Override
    public void process(Record<String, Long> record) {
        String key = record.key();
        int bar = key == null ? -1 : key.indexOf('|');
        if (bar < 0 || record.value() == null) {
            throw new IllegalArgumentException("bucket delta: key must be by|bucket with a value, got " + key);
        }
        String by = key.substring(0, bar);
        String bucket = key.substring(bar + 1);
        Long count = counts.get(key);
        long next = (count == null ? 0 : count) + record.value();
        if (next == 0) {
            counts.delete(key);
        } else {
            counts.put(key, next);
        }
        context.forward(record.withValue(new DistributionBucket(by, bucket, names.name(by, bucket), next)));
    }
}
