package org.warroom.contracts.settings;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.event.ControlRoomLines;
import org.warroom.contracts.event.TicketCategory;
import org.warroom.contracts.event.WireEnum;

/**
 * Every setting administrators may change at run time, with its default — the value of the same configuration key
 * (environment over file over the built-in defaults written here, which are those of docs/TOPICS.md
 * "Configuration of streams") — and its range; and the check of a change (docs/SETTINGS.md).
 */
public final class SettingsCatalog {
    /** Built-in LOW / CRITICAL days of cover per commodity (as streams' {@code shortage.<commodity>.*.days}). */
    public static final Map<Commodity, double[]> BUILT_IN_DAYS = Map.of(
            Commodity.RATION, new double[] {5, 2}, Commodity.WATER, new double[] {2, 1},
            Commodity.FRUIT, new double[] {3, 1}, Commodity.VEGETABLES, new double[] {3, 1},
            Commodity.MILK, new double[] {2, 1}, Commodity.MEDICINE, new double[] {7, 3},
            Commodity.LPG, new double[] {7, 3}, Commodity.PETROL, new double[] {3, 1},
            Commodity.DIESEL, new double[] {3, 1}, Commodity.SANITARY, new double[] {7, 3});
    /** Built-in line capacities; a line not listed: {@code line.capacity.default} (100). */
    public static final Map<String, Integer> BUILT_IN_CAPACITIES = Map.of("181", 500, "104", 200, "1075", 100,
            "district-control", 50, "worker-helpline", 100);
    static final String DEFAULT_LINES = "181,104,1075,district-control,worker-helpline";
    /** The alert rules whose threshold is a live setting: rule → built-in threshold, unit, min, max, integer. */
    private static final Map<String, Object[]> ALERT_RULES = alertRules();

    private final Map<String, SettingDefinition> definitions;

    private SettingsCatalog(Map<String, SettingDefinition> definitions) {
        this.definitions = definitions;
    }

    /** The catalog with the defaults of {@code config} (the service's own configuration). */
    public static SettingsCatalog from(Settings config) {
        Map<String, SettingDefinition> d = new LinkedHashMap<>();
        for (Commodity c : Commodity.values()) {
            double[] days = BUILT_IN_DAYS.getOrDefault(c, new double[] {3, 1});
            String low = lowKey(c);
            String critical = criticalKey(c);
            d.put(low, new SettingDefinition(low, SettingGroup.SHORTAGE, c.wire(), config.getDouble(low, days[0]),
                    0, 365, "days", true, false));
            d.put(critical, new SettingDefinition(critical, SettingGroup.SHORTAGE, c.wire(),
                    config.getDouble(critical, days[1]), 0, 365, "days", true, false));
        }
        Duration defaultSla = config.getDuration("sla.default", Duration.ofHours(24));
        Map<String, Duration> builtInSla = Map.of("health", Duration.ofHours(1), "medicine", Duration.ofHours(4));
        for (String category : TicketCategory.ALL) {
            String key = "sla." + category;
            Duration sla = config.getDuration(key, builtInSla.getOrDefault(category, defaultSla));
            d.put(key, new SettingDefinition(key, SettingGroup.SLA, category, sla.toMinutes() / 60d, 0.25, 720,
                    "hours", false, false));
        }
        int defaultCapacity = config.getInt("line.capacity.default", 100);
        for (String line : Arrays.stream(config.get("lines", DEFAULT_LINES).split(",")).map(String::strip)
                .filter(l -> !l.isEmpty()).map(l -> l.contains(":") ? l.substring(0, l.indexOf(':')) : l).toList()) {
            String key = "line.capacity." + line;
            d.put(key, new SettingDefinition(key, SettingGroup.LINE_CAPACITY, line,
                    config.getInt(key, BUILT_IN_CAPACITIES.getOrDefault(line, defaultCapacity)), 0, 100_000, "calls",
                    ControlRoomLines.SHARED.equals(line), true)); // a control room's capacity per district
        }
        ALERT_RULES.forEach((rule, p) -> {
            String key = alertKey(rule);
            d.put(key, new SettingDefinition(key, SettingGroup.ALERT, rule, config.getDouble(key, (double) p[0]),
                    (double) p[2], (double) p[3], (String) p[1], false, (boolean) p[4]));
        });
        return new SettingsCatalog(Collections.unmodifiableMap(d));
    }

    private static Map<String, Object[]> alertRules() {
        Map<String, Object[]> m = new LinkedHashMap<>();
        m.put("stockout-predicted", new Object[] {24d, "hours", 1d, 720d, false});
        m.put("backlog-breaches", new Object[] {5d, "tickets", 1d, 100_000d, true});
        m.put("line-load", new Object[] {0.9, "ratio", 0.05, 2d, false});
        m.put("report-stale", new Object[] {0d, "hours", 0d, 720d, false});
        m.put("citizen-signals", new Object[] {10d, "signals", 1d, 100_000d, true});
        m.put("unlocated-messages", new Object[] {20d, "messages", 1d, 100_000d, true});
        return m;
    }

    public static String lowKey(Commodity c) {
        return "shortage." + c.wire() + ".low.days";
    }

    public static String criticalKey(Commodity c) {
        return "shortage." + c.wire() + ".critical.days";
    }

    public static String slaKey(String category) {
        return "sla." + category;
    }

    public static String capacityKey(String line) {
        return "line.capacity." + line;
    }

    public static String alertKey(String rule) {
        return "alert." + rule + ".threshold";
    }

    /** Every setting, grouped, in the order of the settings page. */
    public List<SettingDefinition> all() {
        return List.copyOf(definitions.values());
    }

    public Optional<SettingDefinition> find(String key) {
        return Optional.ofNullable(key == null ? null : definitions.get(key));
    }

    /** The configured default of {@code key}. */
    public double defaultOf(String key) {
        SettingDefinition d = definitions.get(key);
        if (d == null) {
            throw new IllegalArgumentException("no setting " + key);
        }
        return d.defaultValue();
    }

    /** The value in force for {@code district} under {@code current}: set for it, else for all, else the default. */
    public double valueOf(SettingsSnapshot current, String key, String district) {
        return current.valueOf(key, district, defaultOf(key));
    }

    /**
     * Checks a change against the catalog and the values in force; throws {@link InvalidSetting} naming the field.
     *
     * @param knownDistrict whether a district code exists (the reference data)
     */
    public SettingDefinition check(String key, String district, Double value, SettingsSnapshot current,
                                   Predicate<String> knownDistrict) {
        if (key == null || key.isBlank()) {
            throw new InvalidSetting("key", "is required, e.g. shortage.medicine.low.days");
        }
        SettingDefinition d = find(key).orElseThrow(() -> new InvalidSetting("key", "is not a setting that can be "
                + "changed at run time: " + key + " (see GET /api/v1/admin/settings for the list)"));
        if (district != null) {
            if (!d.perDistrict()) {
                throw new InvalidSetting("district", "only the shortage thresholds and the district control rooms' "
                        + "capacity have values per district; " + key + " is one value for all");
            }
            if (!knownDistrict.test(district)) {
                throw new InvalidSetting("district", "is not a known district (LGD code): " + district);
            }
        }
        if (value == null || value.isNaN() || value.isInfinite()) {
            throw new InvalidSetting("value", "is required: a number");
        }
        if (value < d.min() || value > d.max()) {
            throw new InvalidSetting("value", "must be between " + number(d.min()) + " and " + number(d.max()) + " "
                    + d.unit() + " (was " + number(value) + ")");
        }
        if (d.integer() && value != Math.rint(value)) {
            throw new InvalidSetting("value", "must be a whole number of " + d.unit() + " (was " + number(value) + ")");
        }
        if (d.group() == SettingGroup.SHORTAGE) {
            checkOrder(d.subject(), current.with(new SettingValue(key, district, value, null, "", Instant.EPOCH, 0)));
        }
        return d;
    }

    /** In every scope that has a value of its own (all districts, each district with one), LOW ≥ CRITICAL. */
    private void checkOrder(String commodityWire, SettingsSnapshot after) {
        Commodity c = WireEnum.parse(Commodity.class, commodityWire).orElseThrow();
        String low = lowKey(c);
        String critical = criticalKey(c);
        Set<String> scopes = new TreeSet<>();
        for (SettingValue v : after.values()) {
            if (v.district() != null && (v.key().equals(low) || v.key().equals(critical))) {
                scopes.add(v.district());
            }
        }
        checkOrder(after, low, critical, null);
        for (String district : scopes) {
            checkOrder(after, low, critical, district);
        }
    }

    private void checkOrder(SettingsSnapshot after, String low, String critical, String district) {
        double l = valueOf(after, low, district);
        double cr = valueOf(after, critical, district);
        if (l < cr) {
            throw new InvalidSetting("value", low + " (" + number(l) + ") must be at least " + critical + " ("
                    + number(cr) + ")" + (district == null ? "" : " in district " + district)
                    + ": below CRITICAL days a district is CRITICAL, below LOW days LOW");
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
