package org.warroom.streams.workers;

import java.util.Locale;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;
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
 * Worker distributions: KTable aggregations with a subtractor, so a worker who moves leaves the old bucket and joins
 * the new one (never a running counter).
 *
 * <ul>
 *   <li>In: {@code warroom.workers} (compacted; worker id → {@code WorkerRecord}), as table {@value #REGISTRY_STORE}.</li>
 *   <li>Counts: for {@code currentState}, {@code currentDistrict}, {@code homeDistrict}, {@code status}:
 *       {@code groupBy} (repartition {@code workers-by-<by>}, carrying the bucket only) and {@code count} (store {@code workers-count-<by>});
 *       for {@code skill}: a table of {@code worker|skill} pairs ({@link SkillPairsProcessor}, stores
 *       {@value #SKILLS_STORE} and {@value #SKILL_PAIRS_STORE}) grouped by skill and counted. A worker with no value
 *       for a dimension counts in bucket {@code unknown}; skills are lower-cased.</li>
 *   <li>Totals: one aggregate (repartition {@value #ALL_GROUP} of each worker's verification day, store
 *       {@value #HISTOGRAM_STORE}) of the registry
 *       size and verifications per UTC day; {@link TotalsProcessor} (store {@value #TOTALS_STORE}) turns it into
 *       {@link WorkerTotals}, re-evaluated by the wall clock.</li>
 *   <li>Out: {@code warroom.worker-distribution} ({@code by|key} → {@link DistributionBucket});
 *       {@code warroom.worker-totals} ({@code all} → {@link WorkerTotals}).</li>
 * </ul>
 */
public final class WorkerDistributionTopology {
    public static final String REGISTRY_STORE = "workers-registry";
    public static final String SKILLS_STORE = "workers-skills";
    public static final String SKILL_PAIRS_STORE = "workers-skill-pairs";
    public static final String ALL_GROUP = "workers-all";
    public static final String HISTOGRAM_STORE = "workers-totals-aggregate";
    public static final String TOTALS_STORE = "workers-totals";

    /**
     * What a count's repartition carries per worker: nothing but its bucket (the key). Only the bucket matters to a
     * count, and the whole worker record (hundreds of bytes of JSON, read and written once for the old and once for
     * the new value of every change, four times over) was most of the streams thread's work on a registry upload.
     */
    private static final String COUNTED = "";

    private WorkerDistributionTopology() {
    }

    /** The store that counts dimension {@code by}. */
    public static String countStore(String by) {
        return "workers-count-" + by;
    }

    /** Adds the worker distributions; writes both output topics. */
    public static void build(Sources sources, Rules rules, BucketNames names) {
        StoreSupport.addStore(sources.builder(), SKILLS_STORE, SkillPairsProcessor.SkillSet.class);
        StoreSupport.addStore(sources.builder(), TOTALS_STORE, TotalsProcessor.TotalsState.class);
        KTable<String, WorkerRecord> workers = sources.table(Topics.WORKERS, REGISTRY_STORE);

        KStream<String, DistributionBucket> buckets =
                count(workers, DistributionBucket.BY_CURRENT_STATE, WorkerRecord::currentState, names)
                .merge(count(workers, DistributionBucket.BY_CURRENT_DISTRICT, WorkerRecord::currentDistrict, names),
                        Named.as("workers-merge-current-district"))
                .merge(count(workers, DistributionBucket.BY_HOME_DISTRICT, WorkerRecord::homeDistrict, names),
                        Named.as("workers-merge-home-district"))
                .merge(count(workers, DistributionBucket.BY_STATUS, w -> w.status() == null ? null : w.status().wire(), names),
                        Named.as("workers-merge-status"))
                .merge(skills(sources, workers, names), Named.as("workers-merge-skill"));
        Sources.to(buckets, ResultTopics.WORKER_DISTRIBUTION);

        KStream<String, WorkerTotals> totals = workers
                .groupBy((id, worker) -> KeyValue.pair(WorkerTotals.KEY, VerifiedHistogram.dayOf(worker)),
                        Grouped.with(ALL_GROUP, Serdes.String(), Serdes.Long()))
                .aggregate(VerifiedHistogram::empty,
                        (key, day, histogram) -> histogram.add(day),
                        (key, day, histogram) -> histogram.remove(day),
                        Named.as(HISTOGRAM_STORE),
                        Materialized.<String, VerifiedHistogram, KeyValueStore<Bytes, byte[]>>as(HISTOGRAM_STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(InternalSerdes.of(VerifiedHistogram.class)))
                .toStream(Named.as("workers-totals-changes"))
                .process(() -> new TotalsProcessor(rules), Named.as("workers-totals-processor"), TOTALS_STORE);
        Sources.to(totals, ResultTopics.WORKER_TOTALS);
    }

    private static KStream<String, DistributionBucket> count(KTable<String, WorkerRecord> workers, String by,
                                                             Function<WorkerRecord, String> value, BucketNames names) {
        return workers
                .groupBy((id, worker) -> KeyValue.pair(bucket(value.apply(worker)), COUNTED),
                        Grouped.with("workers-by-" + by, Serdes.String(), Serdes.String()))
                .count(Named.as(countStore(by)), Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as(countStore(by))
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long()))
                .toStream(Named.as("workers-changes-" + by))
                .map((key, count) -> KeyValue.pair(DistributionBucket.key(by, key),
                        new DistributionBucket(by, key, names.name(by, key), count == null ? 0 : count)),
                        Named.as("workers-buckets-" + by));
    }

    private static KStream<String, DistributionBucket> skills(Sources sources, KTable<String, WorkerRecord> workers,
                                                              BucketNames names) {
        String by = DistributionBucket.BY_SKILL;
        return workers.toStream(Named.as("workers-updates"))
                .process(SkillPairsProcessor::new, Named.as("workers-skill-pairs-processor"), SKILLS_STORE)
                .toTable(Named.as(SKILL_PAIRS_STORE), Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as(SKILL_PAIRS_STORE)
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.String()))
                .groupBy((pair, skill) -> KeyValue.pair(skill, skill), Grouped.with("workers-by-" + by, Serdes.String(), Serdes.String()))
                .count(Named.as(countStore(by)), Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as(countStore(by))
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long()))
                .toStream(Named.as("workers-changes-" + by))
                .map((key, count) -> KeyValue.pair(DistributionBucket.key(by, key),
                        new DistributionBucket(by, key, names.name(by, key), count == null ? 0 : count)),
                        Named.as("workers-buckets-" + by));
    }

    static String bucket(String value) {
        return value == null || value.isBlank() ? DistributionBucket.UNKNOWN : value.strip();
    }

    static String skillKey(String skill) {
        return skill == null ? "" : skill.strip().toLowerCase(Locale.ROOT);
    }
}
