package org.warroom.streams.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.testkit.Eventually.eventually;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.event.DistrictReport;
import org.warroom.contracts.event.StockItem;
import org.warroom.contracts.result.ShortageLevel;
import org.warroom.contracts.result.ShortageStatus;
import org.warroom.contracts.settings.SettingValue;
import org.warroom.contracts.settings.SettingsTopics;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.contracts.topic.Topic;
import org.warroom.contracts.topic.Topics;
import org.warroom.streams.StreamsService;
import org.warroom.streams.config.WarroomStreamsConfig;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealKafka;

/**
 * On a real broker: a running streams service takes a threshold changed on {@code warroom.settings} within seconds,
 * without a restart; and a restarted one starts with it (the global store restored from the topic).
 */
@ExtendWith(RealKafka.class)
class LiveSettingsIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    /** Seoni: no other test of this module reports for it (they share one broker and its result topics). */
    private static final String SEONI = "428";
    private static final String MEDICINE = SEONI + "|medicine";

    @Test
    void shouldObserveAThresholdChangeWithoutRestartAndKeepItAfterOne(LocalKafka kafka) throws Exception {
        Path state = Files.createTempDirectory("warroom-settings-it");
        WarroomStreamsConfig config = WarroomStreamsConfig.from(kafka.settings().with(Map.of(
                "streams.application.id", "warroom-settings-it-" + System.nanoTime(),
                "streams.state.dir", state.toString(),
                "management.host", "127.0.0.1",
                "management.port", "0",
                "streams.punctuate.interval", "1s")));
        Map<String, Object> client = kafka.kafkaSettings().client();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHoursMinutes(5, 30));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(client, new ByteArraySerializer(),
                new ByteArraySerializer()); Shortages shortages = new Shortages(client)) {
            StreamsService first = StreamsService.start(config);
            try {
                eventually(WAIT, () -> assertThat(first.state()).isEqualTo(KafkaStreams.State.RUNNING));
                send(producer, Topics.REPORTS, SEONI, report("r1", now.minusMinutes(5), 50)); // 5 days: LOW (< 7)
                eventually(WAIT, () -> assertThat(shortages.latest(MEDICINE).status()).isEqualTo(ShortageLevel.LOW));

                Instant changed = Instant.now();
                SettingValue critical6 = new SettingValue("shortage.medicine.critical.days", null, 6, 3d, "asha",
                        changed, 1);
                send(producer, SettingsTopics.SETTINGS, critical6.topicKey(), critical6);
                long sent = System.nanoTime();
                eventually(Duration.ofSeconds(30), () -> {
                    ShortageStatus s = shortages.latest(MEDICINE);
                    assertThat(s.status()).isEqualTo(ShortageLevel.CRITICAL);
                    assertThat(s.settings().changedBy()).isEqualTo("asha");
                    assertThat(s.settings().setting()).isEqualTo("shortage.medicine.critical.days");
                });
                assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(30));
                assertThat(first.state()).isEqualTo(KafkaStreams.State.RUNNING);
            } finally {
                first.close();
            }

            send(producer, Topics.REPORTS, SEONI, report("r2", now.minusMinutes(1), 55)); // 5.5 days: CRITICAL (< 6)
            try (StreamsService second = StreamsService.start(config)) {
                eventually(WAIT, () -> {
                    ShortageStatus s = shortages.latest(MEDICINE);
                    assertThat(s.reportId()).isEqualTo("r2");
                    assertThat(s.status()).isEqualTo(ShortageLevel.CRITICAL);
                });
            }
        }
    }

    private static DistrictReport report(String id, OffsetDateTime at, double stock) {
        return new DistrictReport(id, SEONI, at, List.of(new StockItem(Commodity.MEDICINE, stock, 10, null, "box")), "it");
    }

    private static <V> void send(KafkaProducer<byte[], byte[]> producer, Topic<String, V> topic, String key, V value)
            throws Exception {
        producer.send(new ProducerRecord<>(topic.name(), topic.keySerde().serializer().serialize(topic.name(), key),
                topic.valueSerde().serializer().serialize(topic.name(), value))).get();
    }

    /** The latest shortage per key, read committed from the beginning. */
    private static final class Shortages implements AutoCloseable {
        private final KafkaConsumer<byte[], byte[]> consumer;
        private final Map<String, ShortageStatus> latest = new HashMap<>();

        Shortages(Map<String, Object> client) {
            Map<String, Object> config = new HashMap<>(client);
            config.put("group.id", "it-settings-" + System.nanoTime());
            config.put("auto.offset.reset", "earliest");
            config.put("isolation.level", "read_committed");
            consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            consumer.subscribe(List.of(ResultTopics.SHORTAGES.name()));
        }

        ShortageStatus latest(String key) {
            Topic<String, ShortageStatus> t = ResultTopics.SHORTAGES;
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                latest.put(t.keySerde().deserializer().deserialize(t.name(), r.key()),
                        t.valueSerde().deserializer().deserialize(t.name(), r.value()));
            }
            ShortageStatus s = latest.get(key);
            if (s == null) {
                throw new AssertionError("no shortage for " + key + " yet");
            }
            return s;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
