package org.warroom.tools.verify;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.settings.SettingValue;
import org.warroom.contracts.settings.SettingsCatalog;
import org.warroom.contracts.settings.SettingsSnapshot;

/**
 * The documented rules of docs/TOPICS.md ("Configuration of streams") as plain numbers: the defaults written there,
 * overridden by the same configuration keys streams reads (environment, then the file of {@code WARROOM_CONFIG_FILE}).
 * Written down here on purpose, not taken from the streams module: the recomputation must not share its code.
 */
public record Rules(Map<Commodity, double[]> lowCriticalDays, Duration staleAfter, Duration signalWindow,
                    Map<String, Duration> sla, Duration defaultSla, Duration callsStuckAfter,
                    Map<String, Integer> capacities, int defaultCapacity, SettingsSnapshot changed) {

    /** The defaults of docs/TOPICS.md. */
    public static Rules defaults() {
        return from(Settings.ofKeys(Map.of()));
    }

    /** The rules of the configuration alone. */
    public static Rules from(Settings s) {
        Map<Commodity, double[]> days = new LinkedHashMap<>();
        Map<String, double[]> documented = Map.of("ration", new double[] {5, 2}, "water", new double[] {2, 1},
                "fruit", new double[] {3, 1}, "vegetables", new double[] {3, 1}, "milk", new double[] {2, 1},
                "medicine", new double[] {7, 3}, "lpg", new double[] {7, 3}, "petrol", new double[] {3, 1},
                "diesel", new double[] {3, 1}, "sanitary", new double[] {7, 3});
        for (Commodity c : Commodity.values()) {
            double[] d = documented.getOrDefault(c.wire(), new double[] {3, 1});
            days.put(c, new double[] {
                s.getDouble("shortage." + c.wire() + ".low.days", d[0]),
                s.getDouble("shortage." + c.wire() + ".critical.days", d[1])});
        }
        Map<String, Duration> sla = new LinkedHashMap<>();
        sla.put("health", Duration.ofHours(1));
        sla.put("medicine", Duration.ofHours(4));
        java.util.Set<String> categories = new java.util.TreeSet<>(s.withPrefix("sla.").keySet());
        categories.addAll(List.of("health", "wages", "stranded", "transport", "other"));
        for (Commodity c : Commodity.values()) {
            categories.add(c.wire());
        }
        categories.remove("default");
        for (String category : categories) {
            s.find("sla." + category).ifPresent(v -> sla.put(category, s.getDuration("sla." + category, Duration.ofHours(24))));
        }
        Map<String, Integer> capacities = new LinkedHashMap<>();
        Map<String, Integer> documentedCapacity = Map.of("181", 500, "104", 200, "1075", 100, "district-control", 50,
                "worker-helpline", 100);
        int defaultCapacity = s.getInt("line.capacity.default", 100);
        for (String line : List.of(s.get("lines", "181,104,1075,district-control,worker-helpline").split(","))) {
            String l = line.strip();
            if (!l.isEmpty()) {
                capacities.put(l, s.getInt("line.capacity." + l, documentedCapacity.getOrDefault(l, defaultCapacity)));
            }
        }
        return new Rules(days, s.getDuration("shortage.stale.after", Duration.ofHours(26)),
                s.getDuration("signals.window", Duration.ofHours(1)), sla,
                s.getDuration("sla.default", Duration.ofHours(24)), s.getDuration("calls.stuck.after", Duration.ofHours(2)),
                capacities, defaultCapacity, SettingsSnapshot.EMPTY);
    }

    /**
     * The rules under the values administrators set on {@code warroom.settings} (docs/SETTINGS.md): a value for all
     * districts overrides its configuration key as streams does (thresholds, SLA hours, capacities, alert
     * thresholds: see {@link #overlay}); a district's own threshold applies to that district only.
     */
    public static Rules from(Settings s, SettingsSnapshot changed) {
        Rules r = from(overlay(s, changed));
        return new Rules(r.lowCriticalDays, r.staleAfter, r.signalWindow, r.sla, r.defaultSla, r.callsStuckAfter,
                r.capacities, r.defaultCapacity, changed);
    }

    /** The configuration with each value set for all districts in place of its key's (SLA hours as seconds). */
    public static Settings overlay(Settings s, SettingsSnapshot changed) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (SettingValue v : changed.values()) {
            if (v.district() == null) {
                keys.put(v.key(), v.key().startsWith("sla.") ? Math.round(v.value() * 3600) + "s"
                        : v.key().startsWith("line.capacity.") ? Long.toString(Math.round(v.value()))
                        : Double.toString(v.value()));
            }
        }
        return s.with(keys);
    }

    public double lowDays(Commodity c) {
        return lowCriticalDays.get(c)[0];
    }

    public double criticalDays(Commodity c) {
        return lowCriticalDays.get(c)[1];
    }

    /** LOW days in {@code district}: its own value if an administrator set one, else as for all. */
    public double lowDays(String district, Commodity c) {
        return changed.exactly(SettingsCatalog.lowKey(c), district).filter(v -> district != null)
                .map(SettingValue::value).orElse(lowDays(c));
    }

    /** CRITICAL days in {@code district}: its own value if an administrator set one, else as for all. */
    public double criticalDays(String district, Commodity c) {
        return changed.exactly(SettingsCatalog.criticalKey(c), district).filter(v -> district != null)
                .map(SettingValue::value).orElse(criticalDays(c));
    }

    public Duration slaOf(String category) {
        return category == null ? defaultSla : sla.getOrDefault(category, defaultSla);
    }

    /**
     * The SLA of an open ticket opened at {@code openedAt}: the one in force now, whenever it was opened — streams
     * re-counts the tickets already open when {@code sla.<category>} changes (docs/SETTINGS.md).
     */
    public Duration slaOf(String category, OffsetDateTime openedAt) {
        return slaOf(category);
    }

    /**
     * A district control room's own line ({@code district-control:<lgd>}, docs/SETTINGS.md): the capacity an
     * administrator set for that district, else the shared line's.
     */
    public int capacityOf(String line) {
        java.util.Optional<String> room = org.warroom.contracts.event.ControlRoomLines.districtOf(line);
        if (room.isPresent()) {
            String shared = org.warroom.contracts.event.ControlRoomLines.SHARED;
            return changed.exactly(SettingsCatalog.capacityKey(shared), room.get())
                    .map(v -> (int) Math.round(v.value()))
                    .orElse(capacities.getOrDefault(line, capacities.getOrDefault(shared, defaultCapacity)));
        }
        return capacities.getOrDefault(line, defaultCapacity);
    }
}
