package org.warroom.streams.settings;

import java.time.Duration;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.settings.SettingValue;
import org.warroom.contracts.settings.SettingsCatalog;
import org.warroom.contracts.result.SettingsMark;
import org.warroom.contracts.settings.SettingsSnapshot;
import org.warroom.streams.config.WarroomStreamsConfig.AlertRule;
import org.warroom.streams.config.WarroomStreamsConfig.Rules;
import org.warroom.streams.config.WarroomStreamsConfig.Thresholds;

/**
 * The run-time settings in force (docs/SETTINGS.md): the values administrators set on {@code warroom.settings}, kept
 * current by {@link SettingsTopology}'s global store, over the configured {@link Rules} as defaults. Read by the
 * shortage, call-load, backlog and alert processors each time they compute, so a change is in force from the next
 * computation on — no restart, no new topology. One instance per topology, shared by its stream threads and the
 * global thread that updates it (the snapshot is immutable and swapped whole).
 */
public final class LiveSettings {
    private final Rules configured;
    private volatile SettingsSnapshot current = SettingsSnapshot.EMPTY;

    public LiveSettings(Rules configured) {
        this.configured = configured;
    }

    /** The settings as configured, never changed at run time (for a topology built without the settings topic). */
    public static LiveSettings fixed(Rules configured) {
        return new LiveSettings(configured);
    }

    void apply(SettingValue value) {
        current = current.with(value);
    }

    void remove(String topicKey) {
        current = current.without(topicKey);
    }

    void replace(SettingsSnapshot snapshot) {
        current = snapshot;
    }

    public SettingsSnapshot snapshot() {
        return current;
    }

    /** LOW / CRITICAL days of cover of {@code commodity} in force for {@code district}. */
    public Thresholds thresholds(String district, Commodity commodity) {
        Thresholds base = configured.shortage().of(commodity);
        SettingsSnapshot s = current;
        if (s.isEmpty()) {
            return base;
        }
        return new Thresholds(s.valueOf(SettingsCatalog.lowKey(commodity), district, base.lowDays()),
                s.valueOf(SettingsCatalog.criticalKey(commodity), district, base.criticalDays()));
    }

    /** The mark of the latest changed of the two thresholds in force for {@code district}; null under defaults. */
    public SettingsMark thresholdsMark(String district, Commodity commodity) {
        SettingsSnapshot s = current;
        if (s.isEmpty()) {
            return null;
        }
        return SettingsMark.latest(s.markOf(SettingsCatalog.lowKey(commodity), district),
                s.markOf(SettingsCatalog.criticalKey(commodity), district));
    }

    /** The SLA of a ticket category in force. */
    public Duration sla(String category) {
        Duration base = configured.backlog().slaOf(category);
        if (category == null) {
            return base;
        }
        return current.inForce(SettingsCatalog.slaKey(category), null)
                .map(v -> Duration.ofMillis(Math.round(v.value() * 3_600_000d))).orElse(base);
    }

    /**
     * The capacity of a helpline line in force; a district control room's line ({@code district-control:<lgd>}): the
     * value of {@code line.capacity.district-control} for that district, else for all.
     */
    public int capacity(String line) {
        int base = configured.calls().capacityOf(line);
        java.util.Optional<String> room = org.warroom.contracts.event.ControlRoomLines.districtOf(line);
        String key = SettingsCatalog.capacityKey(room.isPresent() ? org.warroom.contracts.event.ControlRoomLines.SHARED : line);
        return current.inForce(key, room.orElse(null)).map(v -> (int) Math.round(v.value())).orElse(base);
    }

    /** An alert rule with its threshold in force. */
    public AlertRule rule(String name) {
        AlertRule base = configured.alerts().rule(name);
        return current.inForce(SettingsCatalog.alertKey(name), null)
                .map(v -> new AlertRule(base.name(), base.enabled(), v.value(), base.severity())).orElse(base);
    }
}
