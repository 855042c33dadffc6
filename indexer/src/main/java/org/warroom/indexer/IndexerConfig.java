package org.warroom.indexer;

import java.time.Duration;
import org.warroom.contracts.config.ConfigException;
import org.warroom.contracts.config.KafkaSettings;
import org.warroom.contracts.config.Settings;
import org.warroom.elastic.ElasticSettings;

/**
 * The indexer's configuration, read once at start and validated (environment over file over defaults):
 * <ul>
 *   <li>{@code indexer.group} consumer group, default {@code warroom-indexer}</li>
 *   <li>{@code indexer.instance.id} static group membership (unique per running indexer; unset: dynamic)</li>
 *   <li>{@code management.host} / {@code management.port} for {@code /health} and {@code /metrics}, default
 *       127.0.0.1:8083 (0 picks a free port)</li>
 *   <li>{@code indexer.max.poll.records} records per batch, default 2000</li>
 *   <li>{@code indexer.bulk.bytes} / {@code indexer.bulk.actions} per bulk request, default 5 MB / 10,000: requests
 *       are sized by bytes (a registry document is ten times a call step's; 1,000 actions made bulks of 150 KB of
 *       call steps, many requests for little work); the action count is only a ceiling</li>
 *   <li>{@code indexer.bulk.concurrency} bulk requests in flight, default 2</li>
 *   <li>{@code indexer.bulk.flush.interval} the longest a partly filled bulk request waits before it is sent,
 *       default 200ms (a poll that finds the consumer caught up is sent at once; this bounds the tail of a busy
 *       one, part of the "searchable within 2 s" budget together with the 1 s refresh interval)</li>
 *   <li>{@code indexer.max.in.flight.polls} / {@code indexer.max.in.flight.bytes} how many polls (and how many bytes
 *       of records) may be written but not yet all acknowledged while the indexer goes on polling and mapping;
 *       beyond either the consumer pauses (back-pressure), default 4 / 32 MB</li>
 *   <li>{@code indexer.retry.initial} / {@code indexer.retry.max} backoff while Elasticsearch refuses or is
 *       away, default 200ms doubling to 5s, forever (nothing is skipped)</li>
 *   <li>{@code indexer.lag.interval} how often consumer lag is measured, default 5s</li>
 * </ul>
 * plus Kafka ({@link KafkaSettings}) and Elasticsearch ({@link ElasticSettings}).
 */
public record IndexerConfig(
        KafkaSettings kafka,
        ElasticSettings elastic,
        String group,
        String instanceId,
        String managementHost,
        int managementPort,
        int maxPollRecords,
        int bulkActions,
        long bulkBytes,
        int bulkConcurrency,
        Duration bulkFlushInterval,
        int maxInFlightPolls,
        long maxInFlightBytes,
        Duration retryInitial,
        Duration retryMax,
        Duration lagInterval) {

    public static final String DEFAULT_GROUP = "warroom-indexer";

    public IndexerConfig {
        positive("indexer.max.poll.records", maxPollRecords);
        positive("indexer.bulk.actions", bulkActions);
        positive("indexer.bulk.bytes", bulkBytes);
        positive("indexer.bulk.concurrency", bulkConcurrency);
        positive("indexer.bulk.flush.interval", bulkFlushInterval.toMillis());
        positive("indexer.max.in.flight.polls", maxInFlightPolls);
        positive("indexer.max.in.flight.bytes", maxInFlightBytes);
        positive("indexer.retry.initial", retryInitial.toMillis());
        if (retryMax.compareTo(retryInitial) < 0) {
            throw new ConfigException("indexer.retry.max", "must not be shorter than indexer.retry.initial");
        }
        positive("indexer.lag.interval", lagInterval.toMillis());
    }

    public static IndexerConfig from(Settings s) {
        return new IndexerConfig(
                KafkaSettings.from(s),
                ElasticSettings.from(s),
                s.get("indexer.group", DEFAULT_GROUP),
                s.find("indexer.instance.id").filter(id -> !id.isBlank()).orElse(null),
                s.get("management.host", "127.0.0.1"),
                s.getPort("management.port", 8083),
                s.getInt("indexer.max.poll.records", 2000),
                s.getInt("indexer.bulk.actions", 10_000),
                s.getLong("indexer.bulk.bytes", 5L * 1024 * 1024),
                s.getInt("indexer.bulk.concurrency", 2),
                s.getDuration("indexer.bulk.flush.interval", Duration.ofMillis(200)),
                s.getInt("indexer.max.in.flight.polls", 4),
                s.getLong("indexer.max.in.flight.bytes", 32L * 1024 * 1024),
                s.getDuration("indexer.retry.initial", Duration.ofMillis(200)),
                s.getDuration("indexer.retry.max", Duration.ofSeconds(5)),
                s.getDuration("indexer.lag.interval", Duration.ofSeconds(5)));
    }

    private static void positive(String key, long value) {
        if (value <= 0) {
            throw new ConfigException(key, "must be more than 0, was " + value);
        }
    }
}
