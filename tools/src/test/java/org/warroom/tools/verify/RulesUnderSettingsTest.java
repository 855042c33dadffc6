package org.warroom.tools.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.tools.verify.Events.millis;
import static org.warroom.tools.verify.Events.min;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.settings.SettingValue;
import org.warroom.contracts.settings.SettingsSnapshot;

/** verify recomputes under the values set on warroom.settings as streams does (docs/SETTINGS.md). */
class RulesUnderSettingsTest {
    private static final Instant CHANGED = min(0).toInstant();
    private final Settings config = Settings.ofKeys(Map.of());

    private static SettingValue set(String key, String district, double value, double previous) {
        return new SettingValue(key, district, value, previous, "admin", CHANGED, 1);
    }

    @Test
    @DisplayName("a threshold for all districts and one district's own: each where it applies")
    void shouldGradeByTheThresholdsInForce() {
        Rules rules = Rules.from(config, SettingsSnapshot.of(List.of(
                set("shortage.medicine.critical.days", null, 6, 3),
                set("shortage.milk.low.days", "396", 4, 2))));
        Recompute.Stock medicine = new Recompute.Stock("397", Commodity.MEDICINE, 500, 100, min(0), "a"); // 5 days
        Recompute.Stock bhopalMilk = new Recompute.Stock("396", Commodity.MILK, 300, 100, min(0), "b");   // 3 days
        Recompute.Stock indoreMilk = new Recompute.Stock("490", Commodity.MILK, 300, 100, min(0), "c");
        assertThat(Recompute.status(medicine, rules, millis(1))).isEqualTo("CRITICAL");
        assertThat(Recompute.status(medicine, Rules.defaults(), millis(1))).isEqualTo("LOW");
        assertThat(Recompute.status(bhopalMilk, rules, millis(1))).isEqualTo("LOW");
        assertThat(Recompute.status(indoreMilk, rules, millis(1))).isEqualTo("OK");
    }

    @Test
    @DisplayName("SLA: a ticket opened before the change follows it too (streams re-counts open tickets); capacities and alert thresholds overlay the configuration")
    void shouldTakeSlaCapacityAndAlertThresholds() {
        SettingsSnapshot changed = SettingsSnapshot.of(List.of(set("sla.health", null, 2, 1),
                set("line.capacity.104", null, 10, 200), set("alert.line-load.threshold", null, 0.5, 0.9)));
        Rules rules = Rules.from(config, changed);
        assertThat(rules.slaOf("health", min(-1))).isEqualTo(Duration.ofHours(2));
        assertThat(rules.slaOf("health", min(1))).isEqualTo(Duration.ofHours(2));
        assertThat(rules.capacityOf("104")).isEqualTo(10);
        assertThat(AlertLimits.from(Rules.overlay(config, changed)).lineLoad()).isEqualTo(0.5);
    }
}
