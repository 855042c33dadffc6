package org.warroom.vertxkafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealKafka;

/** {@link CompactedReader#start()} against the real broker: complete means every record before the end was handed over. */
@ExtendWith(RealKafka.class)
class CompactedReaderIntegrationTest {
    private static final int RECORDS = 400;

    @Test
    @DisplayName("start completes only after the sink got every record written before it, large polls included")
    void shouldHandOverEveryRecordBeforeCompleting(LocalKafka kafka) throws Exception {
        String topic = "reader-" + UUID.randomUUID();
        create(kafka, topic);
        byte[] value = new byte[50_000];
        try (KafkaProducer<byte[], byte[]> producer = producer(kafka, Map.of())) {
            for (int i = 0; i < RECORDS; i++) {
                producer.send(new ProducerRecord<>(topic, ("k" + i).getBytes(), value));
            }
            producer.flush();
        }
        assertEquals(RECORDS, readOnce(kafka, topic));
    }

    @Test
    @DisplayName("a topic written in transactions (its last offset a commit marker, never handed over) completes too")
    void shouldCompleteOnTransactionalTopic(LocalKafka kafka) throws Exception {
        String topic = "reader-tx-" + UUID.randomUUID();
        create(kafka, topic);
        try (KafkaProducer<byte[], byte[]> producer = producer(kafka, Map.of("transactional.id", topic))) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int i = 0; i < 30; i++) {
                producer.send(new ProducerRecord<>(topic, ("k" + i).getBytes(), new byte[100]));
            }
            producer.commitTransaction();
        }
        assertEquals(30, readOnce(kafka, topic));
    }

    private static int readOnce(LocalKafka kafka, String topic) {
        Vertx vertx = Vertx.vertx();
        Map<String, Boolean> seen = new ConcurrentHashMap<>();
        try {
            CompactedReader reader = new CompactedReader(vertx, kafka.kafkaSettings(), "test-" + topic, List.of(topic),
                    (t, key, v, p, o) -> seen.put(key, Boolean.TRUE));
            vertx.runOnContext(x -> { });
            int[] atStart = new int[1];
            reader.start().onSuccess(x -> atStart[0] = seen.size()).toCompletionStage().toCompletableFuture()
                    .get(60, TimeUnit.SECONDS);
            reader.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            return atStart[0];
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            vertx.close();
        }
    }

    private static void create(LocalKafka kafka, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrap()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static KafkaProducer<byte[], byte[]> producer(LocalKafka kafka, Map<String, Object> extra) {
        Map<String, Object> config = new java.util.HashMap<>(Map.of("bootstrap.servers", kafka.bootstrap(), "acks", "all",
                "linger.ms", 5));
        config.putAll(extra);
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
