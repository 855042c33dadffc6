package org.warroom.indexer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.warroom.contracts.metrics.ServiceMetrics;
import org.warroom.elastic.IndexFamily;

/**
 * The indexer's figures, exposed in Prometheus text on {@code /metrics} and readable by tests: documents indexed
 * (per family) and their rate, duplicates, retries, dead letters, failed bulk requests, whether the indexer is
 * backing off right now, and consumer lag per topic (end offset minus committed offset); beside the service's JVM,
 * process and Kafka client meters ({@link ServiceMetrics}). Names and tags: docs/METRICS.md.
 */
public final class IndexerMetrics {
    private final ServiceMetrics service;
    private final MeterRegistry registry;
    private final Map<IndexFamily, Counter> indexed = new EnumMap<>(IndexFamily.class);
    private final Map<IndexFamily, Counter> duplicates = new EnumMap<>(IndexFamily.class);
    private final Counter retries;
    private final Counter deadLetters;
    private final Counter bulkRequests;
    private final Counter bulkFailures;
    private final DistributionSummary bulkOperations;
    private final Counter records;
    private final Timer batches;
    private final AtomicInteger retrying = new AtomicInteger();
    private final AtomicInteger pollsInFlight = new AtomicInteger();
    private final AtomicLong indexedTotal = new AtomicLong();
    private final Map<String, AtomicLong> lagByTopic = new ConcurrentHashMap<>();
    private final AtomicLong lagTotal = new AtomicLong(-1);
    private volatile double docsPerSecond;
    private long rateAtNanos = System.nanoTime();
    private long rateAtCount;

    /** With a registry of its own (tests). */
    public IndexerMetrics() {
        this(ServiceMetrics.create());
    }

    public IndexerMetrics(ServiceMetrics service) {
        this.service = service;
        this.registry = service.registry();
        for (IndexFamily f : IndexFamily.values()) {
            indexed.put(f, Counter.builder("warroom.indexer.docs.indexed").tag("family", f.word())
                    .description("documents Elasticsearch acknowledged").register(registry));
            duplicates.put(f, Counter.builder("warroom.indexer.docs.duplicate").tag("family", f.word())
                    .description("writes found already done (replays, duplicates, superseded versions)")
                    .register(registry));
        }
        retries = Counter.builder("warroom.indexer.retries").description("writes retried after a retryable failure")
                .register(registry);
        deadLetters = Counter.builder("warroom.indexer.dead.letters")
                .description("records sent to the dead-letter topic").register(registry);
        bulkRequests = Counter.builder("warroom.indexer.bulk.requests").description("bulk requests sent")
                .register(registry);
        bulkOperations = DistributionSummary.builder("warroom.indexer.bulk.operations")
                .description("operations (documents written) per bulk request").register(registry);
        bulkFailures = Counter.builder("warroom.indexer.bulk.failures")
                .description("bulk requests that got no answer (Elasticsearch away or failing)").register(registry);
        records = Counter.builder("warroom.indexer.records").description("Kafka records consumed").register(registry);
        batches = Timer.builder("warroom.indexer.batch").description("poll to commit of one batch").register(registry);
        Gauge.builder("warroom.indexer.retrying", retrying, AtomicInteger::get)
                .description("1 while the indexer is backing off, waiting for Elasticsearch").register(registry);
        Gauge.builder("warroom.indexer.polls.in.flight", pollsInFlight, AtomicInteger::get)
                .description("polls written but not all acknowledged yet (bounded by indexer.max.in.flight.polls)")
                .register(registry);
        Gauge.builder("warroom.indexer.consumer.lag", lagTotal, AtomicLong::get)
                .description("records not yet committed, all topics (-1 before the first measurement)")
                .register(registry);
        Gauge.builder("warroom.indexer.docs.per.second", this, m -> m.docsPerSecond).register(registry);
    }

    void indexed(IndexFamily family) {
        indexed.get(family).increment();
        indexedTotal.incrementAndGet();
    }

    void duplicate(IndexFamily family) {
        duplicates.get(family).increment();
    }

    void retried(int count) {
        retries.increment(count);
    }

    void deadLettered() {
        deadLetters.increment();
    }

    void bulkSent(int operations) {
        bulkRequests.increment();
        bulkOperations.record(operations);
    }

    /** The Kafka client's own meters join these ({@code kafka_consumer_*}, {@code kafka_producer_*}). */
    void bind(Consumer<?, ?> consumer) {
        service.bind(consumer);
    }

    void bind(Producer<?, ?> producer) {
        service.bind(producer);
    }

    void bind(Admin admin) {
        service.bind(admin);
    }

    void bulkFailed() {
        bulkFailures.increment();
    }

    void consumed(int count) {
        records.increment(count);
    }

    void batch(Duration took) {
        batches.record(took);
    }

    void retrying(boolean now) {
        retrying.set(now ? 1 : 0);
    }

    void pollsInFlight(int now) {
        pollsInFlight.set(now);
    }

    /** Polls written but not all acknowledged right now. */
    public int pollsInFlight() {
        return pollsInFlight.get();
    }

    void lag(String topic, long lag) {
        lagByTopic.computeIfAbsent(topic, t -> {
            AtomicLong holder = new AtomicLong();
            Gauge.builder("warroom.indexer.consumer.lag.topic", holder, AtomicLong::get).tag("topic", t)
                    .register(registry);
            return holder;
        }).set(lag);
    }

    void lagTotal(long lag) {
        lagTotal.set(lag);
    }

    /** Recomputes documents per second since the previous call (called with each lag measurement). */
    synchronized void updateRate() {
        long now = System.nanoTime();
        long count = indexedTotal.get();
        double seconds = (now - rateAtNanos) / 1e9;
        if (seconds > 0) {
            docsPerSecond = (count - rateAtCount) / seconds;
        }
        rateAtNanos = now;
        rateAtCount = count;
    }

    public long indexedTotal() {
        return indexedTotal.get();
    }

    public long duplicatesTotal() {
        return (long) duplicates.values().stream().mapToDouble(Counter::count).sum();
    }

    public long retriesTotal() {
        return (long) retries.count();
    }

    public long deadLettersTotal() {
        return (long) deadLetters.count();
    }

    public long bulkFailuresTotal() {
        return (long) bulkFailures.count();
    }

    public boolean isRetrying() {
        return retrying.get() == 1;
    }

    /** Records of all indexed topics not yet committed; -1 before the first measurement. */
    public long lag() {
        return lagTotal.get();
    }

    public double docsPerSecond() {
        return docsPerSecond;
    }

    /** Prometheus text exposition. */
    public String scrape() {
        return service.scrape();
    }
}
