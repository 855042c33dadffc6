package org.warroom.contracts.settings;

import org.warroom.contracts.result.SettingsMark;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.json.JsonSerde;

class SettingsCatalogTest {
    private static final Predicate<String> KNOWN = Set.of("396", "490")::contains;
    private final SettingsCatalog catalog = SettingsCatalog.from(Settings.ofKeys(Map.of()));

    @Test
    void shouldTakeTheConfiguredValueAsTheDefault() {
        SettingsCatalog configured = SettingsCatalog.from(Settings.ofKeys(Map.of(
                "shortage.medicine.low.days", "9", "sla.health", "2h", "lines", "181,104:300", "line.capacity.104", "300")));
        assertThat(configured.defaultOf("shortage.medicine.low.days")).isEqualTo(9);
        assertThat(configured.defaultOf("shortage.medicine.critical.days")).isEqualTo(3);
        assertThat(configured.defaultOf("sla.health")).isEqualTo(2);
        assertThat(configured.defaultOf("line.capacity.104")).isEqualTo(300);
        assertThat(configured.find("line.capacity.1075")).isEmpty();
        assertThat(catalog.defaultOf("sla.wages")).isEqualTo(24);
        assertThat(catalog.defaultOf("line.capacity.district-control")).isEqualTo(50);
        assertThat(catalog.defaultOf("alert.line-load.threshold")).isEqualTo(0.9);
    }

    @Test
    void shouldRefuseAnUnknownKeyNamingTheKey() {
        assertThatThrownBy(() -> catalog.check("shortage.gold.low.days", null, 2d, SettingsSnapshot.EMPTY, KNOWN))
                .isInstanceOfSatisfying(InvalidSetting.class, e -> {
                    assertThat(e.field()).isEqualTo("key");
                    assertThat(e.reason()).contains("shortage.gold.low.days");
                });
    }

    @Test
    void shouldRefuseAValueOutOfRangeOrNotWhole() {
        assertThatThrownBy(() -> catalog.check("shortage.milk.low.days", null, -1d, SettingsSnapshot.EMPTY, KNOWN))
                .isInstanceOfSatisfying(InvalidSetting.class, e -> {
                    assertThat(e.field()).isEqualTo("value");
                    assertThat(e.reason()).isEqualTo("must be between 0 and 365 days (was -1)");
                });
        assertThatThrownBy(() -> catalog.check("line.capacity.181", null, 10.5, SettingsSnapshot.EMPTY, KNOWN))
                .hasMessage("must be a whole number of calls (was 10.5)");
        assertThatThrownBy(() -> catalog.check("sla.health", null, null, SettingsSnapshot.EMPTY, KNOWN))
                .hasMessage("is required: a number");
    }

    @Test
    void shouldRefuseADistrictWhereThereIsNoneOrUnknown() {
        assertThatThrownBy(() -> catalog.check("sla.health", "396", 2d, SettingsSnapshot.EMPTY, KNOWN))
                .isInstanceOfSatisfying(InvalidSetting.class, e -> assertThat(e.field()).isEqualTo("district"));
        assertThatThrownBy(() -> catalog.check("shortage.milk.low.days", "999999", 2d, SettingsSnapshot.EMPTY, KNOWN))
                .isInstanceOfSatisfying(InvalidSetting.class, e -> {
                    assertThat(e.field()).isEqualTo("district");
                    assertThat(e.reason()).contains("999999");
                });
    }

    @Test
    void shouldKeepLowAtLeastCriticalInEveryScope() {
        // medicine: LOW 7, CRITICAL 3 by default
        assertThatThrownBy(() -> catalog.check("shortage.medicine.critical.days", null, 8d, SettingsSnapshot.EMPTY, KNOWN))
                .isInstanceOfSatisfying(InvalidSetting.class, e -> {
                    assertThat(e.field()).isEqualTo("value");
                    assertThat(e.reason()).startsWith("shortage.medicine.low.days (7) must be at least "
                            + "shortage.medicine.critical.days (8)");
                });
        SettingsSnapshot bhopalCritical5 = SettingsSnapshot.of(List.of(new SettingValue(
                "shortage.medicine.critical.days", "396", 5, 3d, "admin", Instant.EPOCH, 1)));
        // lowering LOW for all districts to 4 would leave Bhopal with LOW 4 below its own CRITICAL 5
        assertThatThrownBy(() -> catalog.check("shortage.medicine.low.days", null, 4d, bhopalCritical5, KNOWN))
                .hasMessageContaining("in district 396");
        assertThat(catalog.check("shortage.medicine.low.days", "396", 6d, bhopalCritical5, KNOWN).unit())
                .isEqualTo("days");
    }

    @Test
    void shouldFallBackFromDistrictToAllToDefault() {
        SettingsSnapshot s = SettingsSnapshot.of(List.of(
                new SettingValue("shortage.milk.low.days", null, 4, 2d, "admin", Instant.parse("2026-04-01T10:00:00Z"), 1),
                new SettingValue("shortage.milk.low.days", "396", 6, 4d, "asha", Instant.parse("2026-04-01T11:00:00Z"), 1)));
        assertThat(catalog.valueOf(s, "shortage.milk.low.days", "396")).isEqualTo(6);
        assertThat(catalog.valueOf(s, "shortage.milk.low.days", "490")).isEqualTo(4);
        assertThat(catalog.valueOf(s, "shortage.milk.critical.days", "490")).isEqualTo(1);
        assertThat(s.markOf("shortage.milk.low.days", "396"))
                .isEqualTo(new SettingsMark("shortage.milk.low.days|396", Instant.parse("2026-04-01T11:00:00Z"), "asha", 1));
        assertThat(s.markOf("shortage.milk.critical.days", "396")).isNull();
    }

    @Test
    void shouldGiveTheGrievanceDeskTheSlaHoursSetLive() {
        org.warroom.contracts.complaint.ComplaintSla configured = org.warroom.contracts.complaint.ComplaintSla.defaults();
        SettingsSnapshot s = SettingsSnapshot.of(List.of(
                new SettingValue("sla.health", null, 2.5, 1d, "admin", Instant.EPOCH, 1)));
        assertThat(configured.under(s).of("health")).isEqualTo(java.time.Duration.ofMinutes(150));
        assertThat(configured.under(s).of("wages")).isEqualTo(java.time.Duration.ofHours(24));
        assertThat(configured.under(SettingsSnapshot.EMPTY)).isSameAs(configured);
    }

    @Test
    void shouldTravelAsJson() {
        SettingValue v = new SettingValue("sla.health", null, 2, 1d, "admin", Instant.parse("2026-04-01T10:00:00Z"), 3);
        JsonSerde<SettingValue> serde = (JsonSerde<SettingValue>) SettingsTopics.SETTINGS.valueSerde();
        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", v))).isEqualTo(v);
        assertThat(v.topicKey()).isEqualTo("sla.health");
    }
}
