package org.warroom.tools.faults;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.warroom.contracts.json.Json;

/**
 * Reads a whole topic (every partition, from the beginning to the end offsets at the time of the call, committed
 * records only) and counts the records per event id: the {@code id} of the JSON value, or for the dead-letter topic
 * the {@code id} inside its {@code raw} input. Uses no consumer group.
 */
public final class TopicIds {
    private final Properties kafka;

    public TopicIds(Properties kafka) {
        this.kafka = kafka;
    }

    /** Records per id in {@code topic}. */
    public Map<String, Integer> read(String topic, boolean deadLetters) {
        Properties p = new Properties();
        p.putAll(kafka);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        Map<String, Integer> ids = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(120)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(120));
            long deadline = System.currentTimeMillis() + 300_000;
            while (!reached(consumer, end)) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end in 5 minutes");
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    String id = idOf(r.value(), deadLetters);
                    if (id != null) {
                        ids.merge(id, 1, Integer::sum);
                    }
                }
            }
        }
        return ids;
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static String idOf(byte[] value, boolean deadLetter) {
        if (value == null) {
            return null;
        }
        try {
            JsonNode v = Json.mapper().readTree(value);
            if (deadLetter) {
                v = Json.mapper().readTree(v.path("raw").asText("{}"));
            }
            JsonNode id = v.path("id");
            return id.isTextual() ? id.asText() : null;
        } catch (Exception e) {
            return null;
        }
    }
}
