package org.warroom.ingest.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warroom.contracts.config.KafkaSettings;
import org.warroom.contracts.topic.Topic;

/**
 * Follows a compacted topic from its beginning on one consumer thread (no consumer group, nothing committed) and
 * hands every record to {@code apply(key, value)} ({@code value} null for a tombstone); the future of
 * {@link #start()} completes once everything that was in the topic at start has been applied. A record that cannot
 * be read is logged (without its contents) and skipped: it is somebody else's bad write, not a reason to stop.
 */
public final class CompactedTopicView<V> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CompactedTopicView.class);

    private final Topic<String, V> topic;
    private final BiConsumer<String, V> apply;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private final CompletableFuture<Void> caughtUp = new CompletableFuture<>();
    private volatile boolean running = true;

    public CompactedTopicView(KafkaSettings kafka, Topic<String, V> topic, String clientId, BiConsumer<String, V> apply) {
        this.topic = topic;
        this.apply = apply;
        Map<String, Object> config = new HashMap<>(kafka.client());
        config.put("enable.auto.commit", "false");
        config.put("auto.offset.reset", "earliest");
        config.put("client.id", clientId);
        consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        thread = new Thread(this::run, clientId);
        thread.setDaemon(true);
    }

    /** Starts reading; the future completes once every record that existed at start is applied. */
    public CompletableFuture<Void> start() {
        thread.start();
        return caughtUp;
    }

    private void run() {
        try {
            List<TopicPartition> partitions = awaitPartitions();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            while (running) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    applyRecord(r);
                }
                if (!caughtUp.isDone() && end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                    LOG.info("{}: caught up", topic.name());
                    caughtUp.complete(null);
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("{}: reader stopped: {}", topic.name(), e.toString());
            caughtUp.completeExceptionally(e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void applyRecord(ConsumerRecord<byte[], byte[]> r) {
        if (r.key() == null) {
            LOG.warn("{}: ignoring a record without a key at {}-{} offset {}", topic.name(), r.topic(), r.partition(), r.offset());
            return;
        }
        String key = new String(r.key(), StandardCharsets.UTF_8);
        try {
            apply.accept(key, r.value() == null ? null : topic.valueSerde().deserializer().deserialize(r.topic(), r.value()));
        } catch (RuntimeException e) {
            LOG.warn("{}: ignoring an unreadable record at {}-{} offset {}: {}", topic.name(), r.topic(), r.partition(),
                    r.offset(), e.getClass().getSimpleName());
        }
    }

    private List<TopicPartition> awaitPartitions() {
        while (running) {
            var infos = consumer.partitionsFor(topic.name(), Duration.ofSeconds(10));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            }
        }
        throw new WakeupException();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
