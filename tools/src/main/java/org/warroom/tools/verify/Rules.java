package org.warroom.tools.verify;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.event.Commodity;

/**
 * The documented rules of docs/TOPICS.md ("Configuration of streams") as plain numbers: the defaults written there,
 * overridden by the same configuration keys streams reads (environment, then the file of {@code WARROOM_CONFIG_FILE}).
 * Written down here on purpose, not taken from the streams module: the recomputation must not share its code.
 */
public record Rules(Map<Commodity, double[]> lowCriticalDays, Duration staleAfter, Duration signalWindow,
                    Map<String, Duration> sla, Duration defaultSla, Duration callsStuckAfter,
                    Map<String, Integer> capacities, int defaultCapacity) {

    /** The defaults of docs/TOPICS.md. */
    public static Rules defaults() {
        return from(Settings.ofKeys(Map.of()));
    }

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
                capacities, defaultCapacity);
    }

    public double lowDays(Commodity c) {
        return lowCriticalDays.get(c)[0];
    }

    public double criticalDays(Commodity c) {
        return lowCriticalDays.get(c)[1];
    }

    public Duration slaOf(String category) {
        return category == null ? defaultSla : sla.getOrDefault(category, defaultSla);
    }

    public int capacityOf(String line) {
        return capacities.getOrDefault(line, defaultCapacity);
    }
}
