package org.warroom.tools.verify;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.warroom.contracts.complaint.ComplaintTopics;
import org.warroom.contracts.directive.DirectiveTopics;
import org.warroom.contracts.settings.SettingsTopics;
import org.warroom.contracts.topic.Topic;
import org.warroom.contracts.topic.Topics;

/**
 * Reads the five feed topics with a plain consumer (no group, {@code read_committed}) from the beginning to the end
 * offsets taken when reading starts, decoding each value with the topic's own serde from contracts; then the
 * run-time settings ({@code warroom.settings}) the figures were computed under and the directives
 * ({@code warroom.directives}, for the rating), when those topics exist.
 */
public final class FeedReader {
    private final Properties kafka;
    private final Duration timeout;
    private final String suffix;

    public FeedReader(Properties kafka, Duration timeout) {
        this(kafka, timeout, "");
    }

    /** Reads the feed topics with {@code suffix} appended to their names (tests: topics of their own on a shared broker). */
    public FeedReader(Properties kafka, Duration timeout, String suffix) {
        this.kafka = kafka;
        this.timeout = timeout;
        this.suffix = suffix;
    }

    /** The end offsets (read-committed) of the feed topics now, per partition. */
    public Map<TopicPartition, Long> endOffsets() {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> all = new java.util.ArrayList<>();
            for (Topic<String, ?> t : topics()) {
                all.addAll(partitions(consumer, t.name() + suffix));
            }
            consumer.assign(all); // assigned first: a read-committed consumer asked about unassigned partitions warns
            return new HashMap<>(consumer.endOffsets(all, timeout));
        }
    }

    public Feeds read() {
        Feeds feeds = new Feeds();
        read(Topics.CALLS, (k, v) -> feeds.calls.add(v), feeds);
        read(Topics.TICKETS, (k, v) -> feeds.tickets.add(v), feeds);
        read(Topics.MESSAGES, (k, v) -> feeds.messages.add(v), feeds);
        read(Topics.REPORTS, (k, v) -> feeds.reports.add(v), feeds);
        read(Topics.WORKERS, feeds::worker, feeds);
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            if (!partitions(consumer, SettingsTopics.SETTINGS.name() + suffix).isEmpty()) {
                read(consumer, SettingsTopics.SETTINGS, (key, value) -> feeds.settings = value == null
                        ? feeds.settings.without(key) : feeds.settings.with(value), feeds);
            }
        }
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            if (!partitions(consumer, DirectiveTopics.DIRECTIVES.name() + suffix).isEmpty()) {
                read(consumer, DirectiveTopics.DIRECTIVES, feeds::directive, feeds);
            }
        }
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            if (!partitions(consumer, ComplaintTopics.COMPLAINTS.name() + suffix).isEmpty()) {
                read(consumer, ComplaintTopics.COMPLAINTS, feeds::complaint, feeds);
            }
        }
        return feeds;
    }

    static List<Topic<String, ?>> topics() {
        return List.of(Topics.CALLS, Topics.TICKETS, Topics.MESSAGES, Topics.REPORTS, Topics.WORKERS);
    }

    private interface Sink<V> {
        void accept(String key, V value);
    }

    /** One topic, with a consumer of its own (one assignment in its life). */
    private <V> void read(Topic<String, V> topic, Sink<V> sink, Feeds feeds) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            read(consumer, topic, sink, feeds);
        }
    }

    private <V> void read(KafkaConsumer<String, byte[]> consumer, Topic<String, V> topic, Sink<V> sink, Feeds feeds) {
        String name = topic.name() + suffix;
        List<TopicPartition> partitions = partitions(consumer, name);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        // Each partition in its own offset order: records of one key (one call, ticket, district, worker) stay in order.
        Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> byPartition = new HashMap<>();
        while (!reached(consumer, end)) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("could not read " + name + " to its end within " + timeout);
            }
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                if (r.offset() < end.get(tp)) {
                    byPartition.computeIfAbsent(tp, p -> new java.util.ArrayList<>()).add(r);
                }
            }
        }
        long count = 0;
        for (TopicPartition tp : partitions) {
            for (ConsumerRecord<String, byte[]> r : byPartition.getOrDefault(tp, List.of())) {
                count++;
                V value;
                try {
                    value = r.value() == null ? null : topic.valueSerde().deserializer().deserialize(topic.name(), r.value());
                } catch (RuntimeException e) {
                    feeds.unreadable.merge(name, 1, Integer::sum);
                    continue;
                }
                if (value == null && !topic.compacted()) {
                    continue;
                }
                sink.accept(r.key(), value);
            }
        }
        feeds.records.put(name, count);
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        return consumer.partitionsFor(topic, timeout).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties p = new Properties();
        p.putAll(kafka);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
