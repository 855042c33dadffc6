package org.warroom.indexer;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.warroom.contracts.topic.Topic;
import org.warroom.testkit.LocalKafka;

/** Sends typed values (or raw bytes) to the real broker, waiting for each acknowledgement. */
final class TestFeed implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private volatile Exception failed;

    TestFeed(LocalKafka kafka) {
        Map<String, Object> config = kafka.kafkaSettings().client();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    <V> void send(Topic<String, V> topic, String key, V value) {
        sendRaw(topic.name(), key, value == null ? null : topic.valueSerde().serializer().serialize(topic.name(), value), null);
    }

    <V> void sendAt(Topic<String, V> topic, String key, V value, long timestampMillis) {
        sendRaw(topic.name(), key, topic.valueSerde().serializer().serialize(topic.name(), value), timestampMillis);
    }

    void sendRaw(String topic, String key, byte[] value, Long timestamp) {
        try {
            producer.send(new ProducerRecord<>(topic, null, timestamp, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("not sent to " + topic, e.getCause());
        }
    }

    /** Sends without waiting for the acknowledgement; {@link #flush} waits for all of them. */
    <V> void sendLater(Topic<String, V> topic, String key, V value) {
        producer.send(new ProducerRecord<>(topic.name(), key, topic.valueSerde().serializer().serialize(topic.name(), value)),
                (metadata, failure) -> {
                    if (failure != null) {
                        failed = failure;
                    }
                });
    }

    /** Waits until everything sent is acknowledged; fails when something was not. */
    void flush() {
        producer.flush();
        if (failed != null) {
            throw new IllegalStateException("not sent", failed);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
