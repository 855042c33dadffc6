package org.warroom.vertxkafka;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.warroom.contracts.config.KafkaSettings;
import org.warroom.contracts.topic.Topic;

/**
 * The dashboard's one Kafka producer (idempotent, {@code acks=all}) for what it writes: users, API key grants,
 * alert acknowledgements, the audit log. {@link #write} completes only once Kafka acknowledged the record, so a
 * handler answers after the write is durable; sending runs on a worker thread (it may block for metadata).
 */
public final class TopicWriter implements AutoCloseable {
    private final Vertx vertx;
    private final KafkaProducer<byte[], byte[]> producer;
    private final Duration timeout;

    public TopicWriter(Vertx vertx, KafkaSettings kafka, Duration timeout) {
        this.vertx = vertx;
        this.timeout = timeout;
        Map<String, Object> config = new HashMap<>(kafka.client());
        int ms = (int) timeout.toMillis();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, ms);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, ms);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, ms);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "warroom-dashboard");
        this.producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Writes {@code value} (null: tombstone) under {@code key}; completes once acknowledged. */
    public <K, V> Future<RecordMetadata> write(Topic<K, V> topic, K key, V value) {
        byte[] k = topic.keySerde().serializer().serialize(topic.name(), key);
        byte[] v = value == null ? null : topic.valueSerde().serializer().serialize(topic.name(), value);
        return vertx.executeBlocking(() -> producer.send(new ProducerRecord<>(topic.name(), k, v))
                .get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS), false);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
