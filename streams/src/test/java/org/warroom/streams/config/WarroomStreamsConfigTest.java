package org.warroom.streams.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
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
        assertThat(config.rules().alerts().escalationAfter()).containsExactly(Duration.ofMinutes(30), Duration.ofHours(2));

        Properties p = config.streamsProperties();
        assertThat(p.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(p.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo("100");
        assertThat(p.get(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG)).isEqualTo("0");
        assertThat(p.get(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG)).isEqualTo("0");
        assertThat(p.get(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG)).isNotNull();
        assertThat(p.get(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG)).isNotNull();
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
                "alert.escalation.after", "1h,4h,8h",
                "alert.shortage-critical.commodities", "medicine,ration")));

        assertThat(config.rules().shortage().of(Commodity.MEDICINE)).isEqualTo(new WarroomStreamsConfig.Thresholds(10, 4));
        assertThat(config.rules().calls().capacities()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "181", 600, "104", 200, "whatsapp-desk", 100));
        assertThat(config.rules().backlog().slaOf("wages")).isEqualTo(Duration.ofHours(48));
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
