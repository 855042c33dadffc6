package org.warroom.tools.verify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The map's colour of every district — the worst status of the commodities it has reported (OK < STALE < LOW <
 * CRITICAL; a commodity known only from citizen signals is "no report" and does not colour it) — against the wall's
 * {@code overview.worstByDistrict}, which the wall map, the India map (worst of a state's districts) and the legend
 * are drawn from. Staleness moves with the clock, so the shown colour must be the one at the window's start or at one
 * of the moments inside the window when a report of the district went stale.
 */
public final class MapStatus {
    private static final List<String> RANK = List.of("OK", "STALE", "LOW", "CRITICAL");

    private final Rules rules;

    public MapStatus(Rules rules) {
        this.rules = rules;
    }

    public void compare(Feeds feeds, Answers answers, long lo, long hi, Comparison c) {
        if (answers.overview() == null || !answers.overview().has("worstByDistrict")) {
            return;
        }
        Map<String, List<Recompute.Stock>> byDistrict = new TreeMap<>();
        Recompute.latestStock(feeds.reports).values()
                .forEach(s -> byDistrict.computeIfAbsent(s.district(), d -> new ArrayList<>()).add(s));
        Map<String, String> shown = new TreeMap<>();
        answers.overview().path("worstByDistrict").fields()
                .forEachRemaining(e -> shown.put(e.getKey(), e.getValue().asText()));
        Set<String> districts = new TreeSet<>(byDistrict.keySet());
        districts.addAll(shown.keySet());
        for (String district : districts) {
            List<Recompute.Stock> stock = byDistrict.getOrDefault(district, List.of());
            c.oneOf("map status (time)", "map colour of district " + district, possible(stock, lo, hi),
                    shown.get(district), Verifier.DASHBOARD);
        }
    }

    /** The district's worst status at {@code lo} and just after every moment in {@code (lo, hi]} one report went stale. */
    Set<String> possible(List<Recompute.Stock> stock, long lo, long hi) {
        Set<Long> moments = new TreeSet<>(List.of(lo, hi));
        for (Recompute.Stock s : stock) {
            long stale = s.asOf().toInstant().toEpochMilli() + rules.staleAfter().toMillis() + 1;
            if (stale > lo && stale <= hi) {
                moments.add(stale);
            }
        }
        Set<String> out = new LinkedHashSet<>(); // in the order of time
        moments.forEach(m -> out.add(worst(stock, m)));
        return out;
    }

    private String worst(List<Recompute.Stock> stock, long now) {
        String worst = null;
        for (Recompute.Stock s : stock) {
            String status = Recompute.status(s, rules, now);
            if (worst == null || RANK.indexOf(status) > RANK.indexOf(worst)) {
                worst = status;
            }
        }
        return worst;
    }
}
