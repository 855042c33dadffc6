package org.warroom.streams.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warroom.contracts.config.ConfigException;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.event.Commodity;

class WarroomStreamsConfigTest {

    @Test
    void shouldStartFromDocumentedDefaults() {
        WarroomStreamsConfig config = WarroomStreamsConfig.from(Settings.ofKeys(Map.of()));

        assertThat(config.applicationId()).isEqualTo("warroom-streams");
        assertThat(config.managementPort()).isEqualTo(8082);
        assertThat(config.rules().shortage().of(Commodity.MEDICINE)).isEqualTo(new WarroomStreamsConfig.Thresholds(7, 3));
        assertThat(config.rules().shortage().of(Commodity.RATION)).isEqualTo(new WarroomStreamsConfig.Thresholds(5, 2));
        assertThat(config.rules().shortage().staleAfter()).isEqualTo(Duration.ofHours(26));
        assertThat(config.rules().backlog().slaOf("health")).isEqualTo(Duration.ofHours(1));
        assertThat(config.rules().backlog().slaOf("medicine")).isEqualTo(Duration.ofHours(4));
        assertThat(config.rules().backlog().slaOf("wages")).isEqualTo(Duration.ofHours(24));
        assertThat(config.rules().calls().capacities()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "181", 500, "104", 200, "1075", 100, "district-control", 50, "worker-helpline", 100));
        assertThat(config.rules().calls().stuckAfter()).isEqualTo(Duration.ofHours(2));
        assertThat(config.rules().calls().emitInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.rules().alerts().escalationAfter()).containsExactly(Duration.ofMinutes(30), Duration.ofHours(2));

        Properties p = config.streamsProperties();
        assertThat(p.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(p.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo("100");
        assertThat(p.get(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG)).isEqualTo(Long.toString(4L * 1024 * 1024));
        assertThat(p.get(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG)).isEqualTo("0");
        assertThat(p.get(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG)).isNotNull();
        assertThat(p.get(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG)).isNotNull();
        assertThat(p.get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG)).isEqualTo(BoundedRocksDbMemory.class);
        assertThat(p.get(BoundedRocksDbMemory.TOTAL_BYTES)).isEqualTo("134217728");
        assertThat(p.get("topic.segment.ms")).as("changelog segments roll (and get compacted) every 10 min").isEqualTo("600000");
    }

    @Test
    void shouldBoundTheStoresMemoryAsConfigured() {
        WarroomStreamsConfig config = WarroomStreamsConfig.from(Settings.ofKeys(Map.of("streams.rocksdb.memory", "268435456")));
        assertThat(config.streamsProperties().get(BoundedRocksDbMemory.TOTAL_BYTES)).isEqualTo("268435456");
        assertThatThrownBy(() -> WarroomStreamsConfig.from(Settings.ofKeys(Map.of("streams.rocksdb.memory", "1000"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("streams.rocksdb.memory");
    }

    @Test
    void shouldKeepKafkasSessionAndTransactionTimeoutsUnlessTheClusterShortensThem() {
        Properties alone = WarroomStreamsConfig.from(Settings.ofKeys(Map.of())).streamsProperties();
        assertThat(alone.get("consumer.session.timeout.ms")).isEqualTo("45000");
        assertThat(alone.get("consumer.heartbeat.interval.ms")).isEqualTo("15000");
        assertThat(alone.get("producer.transaction.timeout.ms")).isEqualTo("10000");
        Properties cluster = WarroomStreamsConfig.from(Settings.ofKeys(Map.of("streams.session.timeout", "6s",
                "streams.transaction.timeout", "5s"))).streamsProperties();
        assertThat(cluster.get("consumer.session.timeout.ms")).isEqualTo("6000");
        assertThat(cluster.get("consumer.heartbeat.interval.ms")).isEqualTo("2000");
        assertThat(cluster.get("producer.transaction.timeout.ms")).isEqualTo("5000");
        assertThatThrownBy(() -> WarroomStreamsConfig.from(Settings.ofKeys(Map.of("streams.transaction.timeout",
                "100ms"))))
                .hasMessageContaining("streams.transaction.timeout")
                .hasMessageContaining("longer than streams.commit.interval (100 ms)");
    }

    @Test
    void shouldBeAStaticGroupMemberOnlyWhenGivenAnInstanceId() {
        assertThat(WarroomStreamsConfig.from(Settings.ofKeys(Map.of())).streamsProperties())
                .doesNotContainKey("consumer.group.instance.id");
        Map<String, Object> mainConsumer = new org.apache.kafka.streams.StreamsConfig(WarroomStreamsConfig.from(
                Settings.ofKeys(Map.of("streams.instance.id", "streams-a"))).streamsProperties())
                .getMainConsumerConfigs("warroom-streams", "client", 1);
        assertThat(mainConsumer).as("Kafka Streams appends the thread number").containsEntry("group.instance.id", "streams-a-1");
    }

    @Test
    void shouldOpenPersistentStoresUnderTheSharedBudget(@TempDir Path state) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("probe"), Serdes.String(), Serdes.String()));
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
                .process(() -> new Processor<String, String, Void, Void>() {
                    private KeyValueStore<String, String> store;

                    @Override
                    public void init(ProcessorContext<Void, Void> context) {
                        store = context.getStateStore("probe");
                    }

                    @Override
                    public void process(Record<String, String> record) {
                        store.put(record.key(), record.value());
                    }
                }, "probe");
        Properties p = WarroomStreamsConfig.from(Settings.ofKeys(Map.of("kafka.bootstrap", "127.0.0.1:1",
                "streams.state.dir", state.toString()))).streamsProperties();
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), p)) {
            driver.createInputTopic("in", Serdes.String().serializer(), Serdes.String().serializer()).pipeInput("k", "v");
            KeyValueStore<String, String> store = driver.getKeyValueStore("probe");
            assertThat(store.get("k")).isEqualTo("v");
        }
        assertThat(BoundedRocksDbMemory.budget()).as("the shared cache was made when the store opened").isPositive();
    }

    @Test
    void shouldTakeOverridesFromSettings() {
        WarroomStreamsConfig config = WarroomStreamsConfig.from(Settings.ofKeys(Map.of(
                "shortage.medicine.low.days", "10",
                "shortage.medicine.critical.days", "4",
                "line.capacity.181", "600",
                "lines", "181,104,whatsapp-desk",
                "sla.wages", "48h",
                "streams.standby.replicas", "1",
                "streams.replication.factor", "3",
                "calls.emit.interval", "0",
                "alert.escalation.after", "1h,4h,8h",
                "alert.shortage-critical.commodities", "medicine,ration")));

        assertThat(config.rules().shortage().of(Commodity.MEDICINE)).isEqualTo(new WarroomStreamsConfig.Thresholds(10, 4));
        assertThat(config.rules().calls().capacities()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "181", 600, "104", 200, "whatsapp-desk", 100));
        assertThat(config.rules().backlog().slaOf("wages")).isEqualTo(Duration.ofHours(48));
        assertThat(config.rules().calls().emitInterval()).as("0: every step's load is sent").isZero();
        assertThat(config.rules().alerts().escalationAfter()).hasSize(3);
        assertThat(config.rules().alerts().criticalCommodities()).isEqualTo(List.of(Commodity.MEDICINE, Commodity.RATION));
        assertThat(config.streamsProperties().get(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG)).isEqualTo("1");
        assertThat(config.streamsProperties().get(StreamsConfig.REPLICATION_FACTOR_CONFIG)).isEqualTo("3");
    }

    @Test
    void shouldRefuseInconsistentThresholds() {
        assertThatThrownBy(() -> WarroomStreamsConfig.from(Settings.ofKeys(Map.of("shortage.milk.low.days", "0.5"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("shortage.milk.low.days");
        assertThatThrownBy(() -> WarroomStreamsConfig.from(Settings.ofKeys(Map.of("alert.escalation.after", "2h,1h"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("alert.escalation.after");
    }
}
