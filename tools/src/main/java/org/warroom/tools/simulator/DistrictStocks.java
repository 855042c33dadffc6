package org.warroom.tools.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.warroom.contracts.reference.District;

/**
 * Each district's stock of every commodity, reported once per simulated day. Time runs faster here: one
 * simulated day passes every {@code dayLength} of real time, so stocks visibly run down and get replenished
 * within minutes. About one district in eight is chronically under-supplied and runs critically low.
 */
final class DistrictStocks {
    static final String[] COMMODITIES = {"ration", "water", "milk", "medicine", "lpg", "vegetables", "fruit", "petrol",
            "diesel", "sanitary"};
    static final String[] UNITS = {"quintal", "kilolitre", "kilolitre", "kit", "cylinder", "quintal", "quintal",
            "kilolitre", "kilolitre", "pack"};

    private final Random random;
    private final Ids ids;
    private final List<District> districts;
    private final Duration dayLength;
    private final Map<String, double[]> stock = new HashMap<>();
    private final Map<String, double[]> need = new HashMap<>();
    private final Map<String, double[]> inTransit = new HashMap<>();
    private final Map<String, Boolean> undersupplied = new HashMap<>();
    private int nextDistrict;
    private Instant nextReport;

    DistrictStocks(Random random, Ids ids, List<District> districts, Duration dayLength, Instant start) {
        this.random = random;
        this.ids = ids;
        this.districts = districts;
        this.dayLength = dayLength;
        this.nextReport = start;
        for (District d : districts) {
            double population = 0.5 + random.nextDouble() * 3.5;
            double[] n = new double[COMMODITIES.length];
            double[] s = new double[COMMODITIES.length];
            for (int c = 0; c < n.length; c++) {
                n[c] = Math.round(population * (20 + random.nextInt(200)));
                s[c] = Math.round(n[c] * (4 + random.nextDouble() * 10));
            }
            need.put(d.code(), n);
            stock.put(d.code(), s);
            inTransit.put(d.code(), new double[n.length]);
            undersupplied.put(d.code(), random.nextDouble() < 0.125);
        }
    }

    /** The reports due by {@code now}: districts report in turn, each once per simulated day. */
    List<SimEvent> due(Instant now, int max) {
        List<SimEvent> out = new ArrayList<>();
        Duration gap = dayLength.dividedBy(Math.max(1, districts.size()));
        while (out.size() < max && !nextReport.isAfter(now)) {
            out.add(report(districts.get(nextDistrict), nextReport));
            nextDistrict = (nextDistrict + 1) % districts.size();
            nextReport = nextReport.plus(gap);
        }
        return out;
    }

    /** A district that is short of something right now, with the commodity (for citizen messages); or null. */
    Map.Entry<District, Integer> shortage() {
        for (int tries = 0; tries < 10; tries++) {
            District d = Pick.one(random, districts);
            double[] s = stock.get(d.code());
            double[] n = need.get(d.code());
            for (int c = 0; c < s.length; c++) {
                if (s[c] < 2 * n[c]) {
                    return Map.entry(d, c);
                }
            }
        }
        return null;
    }

    private SimEvent report(District d, Instant at) {
        double[] s = stock.get(d.code());
        double[] n = need.get(d.code());
        double[] t = inTransit.get(d.code());
        boolean poor = undersupplied.get(d.code());
        List<Map<String, Object>> items = new ArrayList<>();
        for (int c = 0; c < s.length; c++) {
            // A day of consumption, then what was in transit arrives, then perhaps a new dispatch.
            s[c] = Math.max(0, s[c] - n[c] * (0.8 + random.nextDouble() * 0.5) + t[c]);
            t[c] = 0;
            double cover = s[c] / n[c];
            if (cover < 5 && random.nextDouble() < (poor ? 0.25 : 0.7)) {
                t[c] = Math.round(n[c] * (3 + random.nextDouble() * 8));
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("commodity", COMMODITIES[c]);
            item.put("stock", Math.round(s[c]));
            item.put("dailyNeed", Math.round(n[c]));
            item.put("inTransit", Math.round(t[c]));
            item.put("unit", UNITS[c]);
            items.add(item);
        }
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("id", ids.next("rep"));
        b.put("district", d.code());
        b.put("at", OffsetDateTime.ofInstant(at, ZoneOffset.ofHoursMinutes(5, 30)).toString());
        b.put("items", items);
        return new SimEvent("reports", b, at);
    }
}
