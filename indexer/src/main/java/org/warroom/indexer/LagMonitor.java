package org.warroom.indexer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the indexer's consumer lag every {@code indexer.lag.interval}: per topic, the last stable offset minus the
 * group's committed offset (offsets are committed only once Elasticsearch acknowledged, so this is the count of
 * records not yet safely indexed). Runs on its own thread with its own admin client, never on the consumer's.
 */
final class LagMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LagMonitor.class);
    private static final long TIMEOUT_MS = 5_000;

    private final Admin admin;
    private final String group;
    private final List<String> topics;
    private final IndexerMetrics metrics;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "indexer-lag");
        t.setDaemon(true);
        return t;
    });

    LagMonitor(Admin admin, String group, List<String> topics, IndexerMetrics metrics) {
        this.admin = admin;
        this.group = group;
        this.topics = List.copyOf(topics);
        this.metrics = metrics;
    }

    void start(Duration interval) {
        scheduler.scheduleWithFixedDelay(this::measureQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void measureQuietly() {
        try {
            measure();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.debug("cannot measure consumer lag: {}", e.toString());
        } finally {
            metrics.updateRate();
        }
    }

    /** One measurement; public to the package so tests can force one. */
    void measure() throws Exception {
        Map<String, TopicDescription> described = new HashMap<>();
        for (var topic : admin.describeTopics(topics).topicNameValues().entrySet()) {
            try {
                described.put(topic.getKey(), topic.getValue().get(TIMEOUT_MS, TimeUnit.MILLISECONDS));
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)) {
                    throw e;
                } // a topic not created yet has no lag
            }
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        described.values().forEach(d -> d.partitions().forEach(p -> {
            latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest());
            earliest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.earliest());
        }));
        ListOffsetsOptions committedOnly = new ListOffsetsOptions(IsolationLevel.READ_COMMITTED);
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest, committedOnly)
                .all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = admin.listOffsets(earliest, committedOnly)
                .all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        Map<String, Long> perTopic = new HashMap<>();
        long total = 0;
        for (var e : ends.entrySet()) {
            TopicPartition tp = e.getKey();
            OffsetAndMetadata c = committed.get(tp);
            long from = c != null ? c.offset() : starts.get(tp).offset();
            long lag = Math.max(0, e.getValue().offset() - from);
            perTopic.merge(tp.topic(), lag, Long::sum);
            total += lag;
        }
        perTopic.forEach(metrics::lag);
        metrics.lagTotal(total);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
