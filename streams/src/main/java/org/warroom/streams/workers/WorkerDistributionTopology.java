package org.warroom.streams.workers;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.warroom.contracts.event.WorkerRecord;
import org.warroom.contracts.result.DistributionBucket;
import org.warroom.contracts.result.WorkerTotals;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.contracts.topic.Topics;
import org.warroom.streams.config.WarroomStreamsConfig.Rules;
import org.warroom.streams.support.InternalSerdes;
import org.warroom.streams.support.Sources;
import org.warroom.streams.support.StoreSupport;

/**
 * Worker distributions, pre-aggregated before the shuffle: a worker who moves leaves the old bucket and joins the new
 * one (never a running counter of records), and a bulk upload crosses the network as a few hundred count deltas per
 * flush, not as every worker through every dimension.
 *
 * <ul>
 *   <li>In: {@code warroom.workers} (compacted; worker id → {@code WorkerRecord}) as a stream.</li>
 *   <li>Deltas: {@link BucketDeltasProcessor} keeps each worker's counted dimensions ({@link WorkerDims}, store
 *       {@value #DIMS_STORE}, compact binary) and sums −1/+1 per bucket in store {@value #PENDING_STORE}; every
 *       {@link #FLUSH_INTERVAL} it forwards one delta per changed bucket: {@code by|bucket} → delta for the dimensions
 *       {@code currentState}, {@code currentDistrict}, {@code homeDistrict}, {@code status}, {@code skill} (a worker
 *       with no value for a dimension counts in bucket {@code unknown}; skills are lower-cased, each once), and the
 *       registry size and verification days for the totals.</li>
 *   <li>Counts: repartition {@value #BUCKET_DELTAS} (by bucket), {@link BucketCountsProcessor} adds the deltas (store
 *       {@value #COUNTS_STORE}) and sends the bucket's count.</li>
 *   <li>Totals: repartition {@value #TOTALS_DELTAS} (all to key {@code all}; one record per task and flush) of the
 *       size's and the verification days' deltas;
 *       {@link TotalsProcessor} (store {@value #TOTALS_STORE}) adds them to the histogram and turns it into
 *       {@link WorkerTotals}, re-evaluated by the wall clock.</li>
 *   <li>Out: {@code warroom.worker-distribution} ({@code by|key} → {@link DistributionBucket});
 *       {@code warroom.worker-totals} ({@code all} → {@link WorkerTotals}).</li>
 * </ul>
 */
public final class WorkerDistributionTopology {
    public static final String DIMS_STORE = "workers-dims";
    public static final String PENDING_STORE = "workers-pending-deltas";
    public static final String BUCKET_DELTAS = "workers-bucket-deltas";
    public static final String COUNTS_STORE = "workers-bucket-counts";
    public static final String TOTALS_DELTAS = "workers-totals-deltas";
    public static final String TOTALS_STORE = "workers-totals-histogram";

    /**
     * How often the pending deltas are sent on: the distributions' and totals' extra delay. Shorter sends the same
     * buckets more often (each flush costs a repartition record, a count changelog record and a result per changed
     * bucket); 250 ms keeps a single worker's change on screen well within the second, like the call load's emit
     * interval.
     */
    static final Duration FLUSH_INTERVAL = Duration.ofMillis(250);

    private WorkerDistributionTopology() {
    }

    /** Adds the worker distributions; writes both output topics. */
    public static void build(Sources sources, Rules rules, BucketNames names) {
        sources.builder().addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DIMS_STORE),
                Serdes.String(), WorkerDims.SERDE));
        // Cached: a bucket's many updates between two commits reach the changelog once (the one store that caches; the
        // cache size is streams.cache.max.bytes). Small (one entry per bucket), so kept in memory and restored from its changelog.
        sources.builder().addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(PENDING_STORE),
                Serdes.String(), Serdes.Long()).withCachingEnabled());
        sources.builder().addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(COUNTS_STORE),
                Serdes.String(), Serdes.Long()));
        StoreSupport.addStore(sources.builder(), TOTALS_STORE, TotalsProcessor.TotalsState.class);

        KStream<String, WorkerRecord> workers = sources.stream(Topics.WORKERS);
        Map<String, KStream<String, BucketDeltasProcessor.Delta>> deltas = workers
                .process(() -> new BucketDeltasProcessor(FLUSH_INTERVAL), Named.as("workers-deltas-processor"),
                        DIMS_STORE, PENDING_STORE)
                .split(Named.as("workers-deltas-"))
                .branch((key, delta) -> key.equals(BucketDeltasProcessor.TOTALS_KEY), Branched.as("totals"))
                .defaultBranch(Branched.as("buckets"));

        KStream<String, DistributionBucket> buckets = deltas.get("workers-deltas-buckets")
                .mapValues(BucketDeltasProcessor.Delta::count, Named.as("workers-bucket-delta"))
                .repartition(Repartitioned.<String, Long>as(BUCKET_DELTAS).withKeySerde(Serdes.String()).withValueSerde(Serdes.Long()))
                .process(() -> new BucketCountsProcessor(names), Named.as("workers-counts-processor"), COUNTS_STORE);
        Sources.to(buckets, ResultTopics.WORKER_DISTRIBUTION);

        KStream<String, WorkerTotals> totals = deltas.get("workers-deltas-totals")
                .map((key, delta) -> KeyValue.pair(WorkerTotals.KEY, delta.totals()), Named.as("workers-totals-delta"))
                .repartition(Repartitioned.<String, VerifiedHistogram>as(TOTALS_DELTAS).withKeySerde(Serdes.String())
                        .withValueSerde(InternalSerdes.of(VerifiedHistogram.class)))
                .process(() -> new TotalsProcessor(rules), Named.as("workers-totals-processor"), TOTALS_STORE);
        Sources.to(totals, ResultTopics.WORKER_TOTALS);
    }

    static String bucket(String value) {
        return value == null || value.isBlank() ? DistributionBucket.UNKNOWN : value.strip();
    }

    static String skillKey(String skill) {
        return skill == null ? "" : skill.strip().toLowerCase(Locale.ROOT);
    }
}
