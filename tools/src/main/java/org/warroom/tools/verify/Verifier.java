package org.warroom.tools.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.warroom.contracts.complaint.Complaint;
import org.warroom.contracts.complaint.ComplaintEscalation;
import org.warroom.contracts.complaint.EscalationMatrix;
import org.warroom.contracts.event.CallStep;
import org.warroom.contracts.event.CitizenMessage;
import org.warroom.contracts.event.DistrictReport;
import org.warroom.contracts.event.StockItem;
import org.warroom.contracts.event.TicketStep;

/**
 * Compares the recomputed figures with the dashboard's answers and Elasticsearch's counts.
 *
 * <p>Exact figures: stock, daily need, days of cover and as-of of every district × commodity; open complaints and
 * the oldest open since per district × department; line capacities; every worker bucket of the five distributions and
 * the registry total; documents per index family. Time-dependent figures — shortage status (staleness), citizen
 * signals of the last hour, SLA breaches, calls in progress and waiting (stuck calls expire), and the alerts that
 * follow them — are recomputed at both ends of the window {@code [answers.from − tolerance, answers.to]} (the
 * pipeline re-evaluates them by the wall clock every few seconds) and must match one end or lie between them.
 */
public final class Verifier {
    public static final String DASHBOARD = "dashboard";
    public static final String ELASTIC = "elasticsearch";

    private final Rules rules;
    private final AlertLimits alerts;
    private final BurnRates burn;
    private final Ratings ratings;
    private final long toleranceMillis;

    public Verifier(Rules rules, AlertLimits alerts, long toleranceMillis) {
        this(rules, alerts, BurnRates.defaults(), Ratings.defaults(), toleranceMillis);
    }

    public Verifier(Rules rules, AlertLimits alerts, BurnRates burn, Ratings ratings, long toleranceMillis) {
        this.rules = rules;
        this.alerts = alerts;
        this.burn = burn;
        this.ratings = ratings;
        this.toleranceMillis = toleranceMillis;
    }

    public Comparison compare(Feeds feeds, Answers answers) {
        Comparison c = new Comparison();
        long lo = answers.fromMillis() - toleranceMillis;
        long hi = answers.toMillis();
        Set<String> openAlerts = openAlerts(answers.alerts());
        shortages(feeds, answers, lo, hi, c, openAlerts);
        backlogs(feeds, answers, lo, hi, c, openAlerts);
        calls(feeds, answers, lo, hi, c, openAlerts);
        complaintEscalations(feeds, lo, hi, c, openAlerts);
        workers(feeds, answers, c);
        ratings(feeds, answers, lo, hi, c);
        if (!answers.documents().isEmpty()) {
            documents(feeds, answers, c);
        }
        return c;
    }

    // ------------------------------------------------------------------ shortages

    private void shortages(Feeds feeds, Answers answers, long lo, long hi, Comparison c, Set<String> openAlerts) {
        Map<String, Recompute.Stock> stock = Recompute.latestStock(feeds.reports);
        Set<Recompute.Signal> signals = Recompute.signals(feeds.messages, feeds.tickets);
        Map<String, Integer> signalsLo = Recompute.signalsLastHour(signals, rules, lo);
        Map<String, Integer> signalsHi = Recompute.signalsLastHour(signals, rules, hi);
        Set<String> keys = new TreeSet<>(stock.keySet());
        keys.addAll(Recompute.signalKeys(signals));
        Map<String, JsonNode> shown = byKey(answers.shortages(), "district", "commodity");
        Map<String, BurnRates.Burn> burns = burn.of(feeds.reports);
        Map<String, int[]> statusCounts = new TreeMap<>(); // status -> at lo, at hi
        for (String key : keys) {
            Recompute.Stock s = stock.get(key);
            String atLo = Recompute.status(s, rules, lo);
            String atHi = Recompute.status(s, rules, hi);
            // the wall counts a stale *report* (ShortageStatus.staleReport): a commodity never reported is "no report"
            statusCounts.computeIfAbsent(counted(atLo, s), k -> new int[2])[0]++;
            statusCounts.computeIfAbsent(counted(atHi, s), k -> new int[2])[1]++;
            JsonNode item = shown.remove(key);
            shortage(c, key, item, s, atLo, atHi, signalsLo.getOrDefault(key, 0), signalsHi.getOrDefault(key, 0), DASHBOARD);
            JsonNode page = answers.districtPages().get(Recompute.districtOf(key));
            if (page != null) {
                JsonNode onPage = byKey(page.path("shortages"), "district", "commodity").get(key);
                shortage(c, key, onPage, s, atLo, atHi, signalsLo.getOrDefault(key, 0), signalsHi.getOrDefault(key, 0),
                        "district page " + Recompute.districtOf(key));
            }
            if (item != null && s != null) {
                burnRate(c, key, item, burns.get(key), hi, DASHBOARD);
                if (page != null) {
                    burnRate(c, key, byKey(page.path("shortages"), "district", "commodity").get(key), burns.get(key), hi,
                            "district page " + Recompute.districtOf(key));
                }
            }
            if (item != null) {
                shortageAlerts(c, key, s, burns.get(key), atLo, atHi, signalsLo.getOrDefault(key, 0),
                        signalsHi.getOrDefault(key, 0), lo, hi, openAlerts);
            }
            if (item != null && alerts.shortageCritical() && s != null && s.daysOfCover() != null
                    && alerts.criticalCommodities().contains(s.commodity()) && !"STALE".equals(atHi)) {
                double threshold = rules.criticalDays(s.district(), s.commodity());
                double days = s.daysOfCover();
                alert(c, "shortage-critical", key, days < threshold, days >= threshold * (1 + alerts.hysteresis()),
                        openAlerts, "days of cover " + days + ", CRITICAL below " + threshold);
            }
        }
        shown.forEach((key, item) -> c.exact("shortage", "shortage " + key + " present", "absent", "present", DASHBOARD));
        reportStale(c, stock, lo, hi, answers, openAlerts);
        answers.districtPages().forEach((district, page) -> {
            for (String key : byKey(page.path("shortages"), "district", "commodity").keySet()) {
                if (!keys.contains(key)) {
                    c.exact("shortage", "shortage " + key + " present", "absent", "present", "district page " + district);
                }
            }
        });
        if (answers.overview() != null) {
            for (String[] counter : new String[][] {{"criticalShortages", "CRITICAL"}, {"lowShortages", "LOW"},
                    {"staleReports", "STALE"}}) {
                int[] n = statusCounts.getOrDefault(counter[1], new int[2]);
                c.within("wall counters (time)", "wall " + counter[0], n[0], n[1], number(answers.overview(), counter[0]),
                        DASHBOARD);
            }
        }
    }

    /**
     * The burn rate (null: "not enough data") exactly, and the predicted stock-out: the recomputed moment when it is
     * still ahead at the last read, else between it and the last read (the pipeline says "out of stock" from the
     * moment it found the prediction past, never a time in the past of the report).
     */
    private static void burnRate(Comparison c, String key, JsonNode item, BurnRates.Burn b, long hi, String source) {
        if (item == null || b == null) {
            return;
        }
        String where = "shortage " + key;
        c.exact("burn rate", where + " burnRatePerDay", b.ratePerDay(), number(item, "burnRatePerDay"), source);
        Object shown = instant(item, "predictedStockOutAt");
        if (b.predicted() == null || b.predicted().toEpochMilli() >= hi) {
            c.exact("burn rate", where + " predictedStockOutAt", b.predicted(), shown, source);
        } else {
            c.between("predicted stock-out (time)", where + " predictedStockOutAt", b.predicted(),
                    java.time.Instant.ofEpochMilli(hi), shown instanceof java.time.Instant i ? i : null, source);
        }
    }

    /**
     * The rules of one district × commodity besides shortage-critical: citizen-signals (signals of the hour, higher is
     * worse) and stockout-predicted (hours until the recomputed stock-out, 0 once reached, lower is worse; only while
     * the report is fresh at both ends of the window).
     */
    private void shortageAlerts(Comparison c, String key, Recompute.Stock s, BurnRates.Burn b, String statusLo,
                                String statusHi, int signalsLo, int signalsHi, long lo, long hi, Set<String> openAlerts) {
        if (alerts.citizenSignals() != null) {
            double t = alerts.citizenSignals();
            alert(c, "citizen-signals", key, Math.min(signalsLo, signalsHi) >= t,
                    Math.max(signalsLo, signalsHi) < t * (1 - alerts.hysteresis()), openAlerts,
                    "signals of the hour " + signalsLo + ".." + signalsHi + ", threshold " + t);
        }
        if (alerts.stockoutHours() != null && s != null && b != null && b.predicted() != null
                && !"STALE".equals(statusLo) && !"STALE".equals(statusHi)) {
            double t = alerts.stockoutHours();
            double hoursLo = Math.max(0, b.predicted().toEpochMilli() - lo) / 3_600_000d;
            double hoursHi = Math.max(0, b.predicted().toEpochMilli() - hi) / 3_600_000d;
            alert(c, "stockout-predicted", key, hoursLo < t, hoursHi >= t * (1 + alerts.hysteresis()), openAlerts,
                    "hours until the stock-out " + hoursLo + ".." + hoursHi + ", threshold " + t);
        }
    }

    /** report-stale: hours since the district's latest report of any commodity, higher is worse. */
    private void reportStale(Comparison c, Map<String, Recompute.Stock> stock, long lo, long hi, Answers answers,
                             Set<String> openAlerts) {
        if (alerts.reportStaleHours() == null || answers.shortages() == null) {
            return;
        }
        Map<String, Long> latest = new TreeMap<>();
        stock.values().forEach(s -> latest.merge(s.district(), s.asOf().toInstant().toEpochMilli(), Math::max));
        double t = alerts.reportStaleHours();
        latest.forEach((district, at) -> {
            double hoursLo = (lo - at) / 3_600_000d;
            double hoursHi = (hi - at) / 3_600_000d;
            alert(c, "report-stale", district, hoursLo >= t, hoursHi < t * (1 - alerts.hysteresis()), openAlerts,
                    "hours since the latest report " + hoursLo + ".." + hoursHi + ", threshold " + t);
        });
    }

    /** The wall counter a status counts in: STALE only with a report behind it, else "no report" (counted nowhere). */
    static String counted(String status, Recompute.Stock s) {
        return "STALE".equals(status) && s == null ? "NO-REPORT" : status;
    }

    /** One shortage figure (as the list or a district page shows it) against the recomputed one. */
    private static void shortage(Comparison c, String key, JsonNode item, Recompute.Stock s, String statusLo,
                                 String statusHi, int signalsLo, int signalsHi, String source) {
        String where = "shortage " + key;
        if (item == null) {
            c.exact("shortage", where + " present", "present", "absent", source);
            return;
        }
        c.exact("shortage", where + " stock", s == null ? null : s.stock(), number(item, "stock"), source);
        c.exact("shortage", where + " dailyNeed", s == null ? null : s.dailyNeed(), number(item, "dailyNeed"), source);
        c.exact("shortage", where + " daysOfCover", s == null ? null : s.daysOfCover(), number(item, "daysOfCover"), source);
        c.exact("shortage", where + " asOf", s == null ? null : s.asOf().toInstant(), instant(item, "asOf"), source);
        c.within("shortage status (time)", where + " status", statusLo, statusHi, item.path("status").asText(null), source);
        c.within("signalsLastHour (time)", where + " signalsLastHour", signalsLo, signalsHi, number(item, "signalsLastHour"),
                source);
    }

    // ------------------------------------------------------------------ backlogs

    private void backlogs(Feeds feeds, Answers answers, long lo, long hi, Comparison c, Set<String> openAlerts) {
        Set<String> groups = new HashSet<>();
        Map<String, Recompute.Ticket> tickets = Recompute.tickets(feeds.tickets, groups);
        Map<String, Recompute.Backlog> atLo = Recompute.backlogs(tickets, groups, rules, lo);
        Map<String, Recompute.Backlog> atHi = Recompute.backlogs(tickets, groups, rules, hi);
        Map<String, JsonNode> shown = byKey(answers.backlogs(), "district", "department");
        int open = 0;
        int breachesLo = 0;
        int breachesHi = 0;
        for (Map.Entry<String, Recompute.Backlog> e : atHi.entrySet()) {
            JsonNode item = shown.remove(e.getKey());
            Recompute.Backlog b = e.getValue();
            int before = atLo.get(e.getKey()).slaBreaches();
            open += b.open();
            breachesLo += before;
            breachesHi += b.slaBreaches();
            backlog(c, e.getKey(), item, b, before, DASHBOARD);
            JsonNode page = answers.districtPages().get(Recompute.districtOf(e.getKey()));
            if (page != null) {
                backlog(c, e.getKey(), byKey(page.path("backlogs"), "district", "department").get(e.getKey()), b, before,
                        "district page " + Recompute.districtOf(e.getKey()));
            }
            if (item != null && alerts.backlogBreaches() != null) {
                double t = alerts.backlogBreaches();
                int least = Math.min(before, b.slaBreaches());
                int most = Math.max(before, b.slaBreaches());
                alert(c, "backlog-breaches", e.getKey(), least >= t, most < t * (1 - alerts.hysteresis()), openAlerts,
                        "SLA breaches " + before + ".." + b.slaBreaches() + ", threshold " + t);
            }
        }
        shown.forEach((key, item) -> c.exact("backlog", "backlog " + key + " present", "absent", "present", DASHBOARD));
        if (answers.overview() != null) {
            c.exact("wall counters", "wall openTickets", open, number(answers.overview(), "openTickets"), DASHBOARD);
            c.within("wall counters (time)", "wall slaBreaches", breachesLo, breachesHi,
                    number(answers.overview(), "slaBreaches"), DASHBOARD);
        }
    }

    private static void backlog(Comparison c, String key, JsonNode item, Recompute.Backlog b, int breachesBefore,
                                String source) {
        String where = "backlog " + key;
        if (item == null) {
            c.exact("backlog", where + " present", "present", "absent", source);
            return;
        }
        c.exact("backlog", where + " open", b.open(), number(item, "open"), source);
        c.exact("backlog", where + " oldestOpenSince",
                b.oldestOpenSince() == null ? null : b.oldestOpenSince().toInstant(), instant(item, "oldestOpenSince"), source);
        c.within("slaBreaches (time)", where + " slaBreaches", breachesBefore, b.slaBreaches(), number(item, "slaBreaches"),
                source);
    }

    // ------------------------------------------------------------------ call load

    private void calls(Feeds feeds, Answers answers, long lo, long hi, Comparison c, Set<String> openAlerts) {
        Map<String, Recompute.Load> atLo = Recompute.callLoad(feeds.calls, rules, lo);
        Map<String, Recompute.Load> atHi = Recompute.callLoad(feeds.calls, rules, hi);
        Map<String, JsonNode> shown = byKey(answers.callLoad(), "line");
        for (Map.Entry<String, Recompute.Load> e : atHi.entrySet()) {
            String where = "line " + e.getKey();
            JsonNode item = shown.remove(e.getKey());
            if (item == null) {
                c.exact("call load", where + " present", "present", "absent", DASHBOARD);
                continue;
            }
            Recompute.Load before = atLo.get(e.getKey());
            Recompute.Load after = e.getValue();
            c.within("calls inProgress (time)", where + " inProgress", before.inProgress(), after.inProgress(),
                    number(item, "inProgress"), DASHBOARD);
            c.within("calls waiting (time)", where + " waiting", before.waiting(), after.waiting(), number(item, "waiting"),
                    DASHBOARD);
            c.exact("call load", where + " capacity", after.capacity(), number(item, "capacity"), DASHBOARD);
            if (alerts.lineLoad() != null && after.capacity() > 0) {
                double t = alerts.lineLoad();
                double least = Math.min(before.inProgress(), after.inProgress()) / (double) after.capacity();
                double most = Math.max(before.inProgress(), after.inProgress()) / (double) after.capacity();
                alert(c, "line-load", e.getKey(), least >= t, most < t * (1 - alerts.hysteresis()), openAlerts,
                        "load " + least + ".." + most + ", threshold " + t);
            }
        }
        shown.forEach((key, item) -> c.exact("call load", "line " + key + " present", "absent", "present", DASHBOARD));
        if (answers.overview() != null) {
            c.within("wall counters (time)", "wall callsInProgress", atLo.values().stream().mapToInt(Recompute.Load::inProgress).sum(),
                    atHi.values().stream().mapToInt(Recompute.Load::inProgress).sum(),
                    number(answers.overview(), "callsInProgress"), DASHBOARD);
            c.within("wall counters (time)", "wall callsWaiting", atLo.values().stream().mapToInt(Recompute.Load::waiting).sum(),
                    atHi.values().stream().mapToInt(Recompute.Load::waiting).sum(),
                    number(answers.overview(), "callsWaiting"), DASHBOARD);
            c.exact("wall counters", "wall callCapacity", atHi.values().stream().mapToInt(Recompute.Load::capacity).sum(),
                    number(answers.overview(), "callCapacity"), DASHBOARD);
        }
    }

    // ------------------------------------------------------------------ workers

    private void workers(Feeds feeds, Answers answers, Comparison c) {
        Map<String, Map<String, Long>> expected = Recompute.distributions(feeds.workers);
        for (String by : Recompute.DIMENSIONS) {
            JsonNode answer = answers.distributions().get(by);
            if (answer == null) {
                continue;
            }
            c.exact("workers total", "workers by " + by + " total", (long) feeds.workers.size(),
                    number(answer, "total"), DASHBOARD);
            Map<String, Long> shown = new TreeMap<>();
            for (JsonNode b : answer.path("buckets")) {
                shown.put(b.path("key").asText(), b.path("count").asLong());
            }
            for (Map.Entry<String, Long> e : expected.get(by).entrySet()) {
                Long count = shown.remove(e.getKey());
                c.exact("worker bucket", "workers by " + by + " bucket " + e.getKey(), e.getValue(), count == null ? 0L : count,
                        DASHBOARD);
            }
            shown.forEach((key, count) -> c.exact("worker bucket", "workers by " + by + " bucket " + key, 0L, count,
                    DASHBOARD));
        }
        if (answers.overview() != null) {
            c.exact("wall counters", "wall workersTracked", (long) feeds.workers.size(),
                    number(answers.overview(), "workersTracked"), DASHBOARD);
        }
        answers.districtPages().forEach((district, page) -> {
            c.exact("worker bucket", "district page " + district + " workersInDistrict",
                    expected.get("currentDistrict").getOrDefault(district, 0L), number(page, "workersInDistrict"),
                    "district page " + district);
            c.exact("worker bucket", "district page " + district + " workersFromDistrict",
                    expected.get("homeDistrict").getOrDefault(district, 0L), number(page, "workersFromDistrict"),
                    "district page " + district);
        });
    }

    // ------------------------------------------------------------------ ratings

    /**
     * The rating on every district page that has one, recomputed at both ends of the window (docs/RATING.md): the
     * counts it rests on, the three parts, the score, the cap and the stars.
     */
    private void ratings(Feeds feeds, Answers answers, long lo, long hi, Comparison c) {
        Map<String, JsonNode> shown = new TreeMap<>();
        answers.districtPages().forEach((district, page) -> {
            if (page.path("rating").isObject()) {
                shown.put(district, page.path("rating"));
            }
        });
        if (shown.isEmpty()) {
            return;
        }
        Map<String, Recompute.Stock> stock = Recompute.latestStock(feeds.reports);
        Map<String, Ratings.Episodes> episodes = Ratings.episodes(feeds.reports, rules);
        Set<String> groups = new HashSet<>();
        Map<String, Recompute.Ticket> tickets = Recompute.tickets(feeds.tickets, groups);
        Map<String, Ratings.Rating> atLo = ratings.at(shown.keySet(), stock, episodes,
                Recompute.backlogs(tickets, groups, rules, lo), feeds.directives.values(),
                feeds.citizenRatings.values(), rules, lo);
        Map<String, Ratings.Rating> atHi = ratings.at(shown.keySet(), stock, episodes,
                Recompute.backlogs(tickets, groups, rules, hi), feeds.directives.values(),
                feeds.citizenRatings.values(), rules, hi);
        shown.forEach((district, r) -> {
            Ratings.Rating a = atLo.get(district);
            Ratings.Rating b = atHi.get(district);
            String where = "rating " + district;
            String source = "district page " + district;
            c.exact("rating", where + " openTickets", b.openTickets(), number(r, "openTickets"), source);
            c.exact("rating", where + " commoditiesReported", b.commoditiesReported(), number(r, "commoditiesReported"), source);
            c.within("rating (time)", where + " slaBreaches", a.slaBreaches(), b.slaBreaches(), number(r, "slaBreaches"), source);
            c.within("rating (time)", where + " commoditiesStale", a.commoditiesStale(), b.commoditiesStale(),
                    number(r, "commoditiesStale"), source);
            c.within("rating (time)", where + " criticalShortages", a.criticalShortages(), b.criticalShortages(),
                    number(r, "criticalShortages"), source);
            c.within("rating (time)", where + " lowShortages", a.lowShortages(), b.lowShortages(), number(r, "lowShortages"),
                    source);
            c.within("rating (time)", where + " slaCompliance", a.slaCompliance(), b.slaCompliance(),
                    number(r, "slaCompliance"), source);
            c.within("rating (time)", where + " reportTimeliness", a.reportTimeliness(), b.reportTimeliness(),
                    number(r, "reportTimeliness"), source);
            c.within("rating (time)", where + " shortageResolution", a.shortageResolution(), b.shortageResolution(),
                    number(r, "shortageResolution"), source);
            c.within("rating (time)", where + " score", a.score(), b.score(), number(r, "score"), source);
            c.within("rating (time)", where + " maxStars", a.maxStars(), b.maxStars(), number(r, "maxStars"), source);
            c.within("rating (time)", where + " limitedBy", a.limitedBy(), b.limitedBy(), r.path("limitedBy").asText(null),
                    source);
            // a rating record written before the directive fields existed has none: nothing to compare
            if (r.has("directivesDue")) {
            c.within("rating (time)", where + " directivesOverdue", a.directivesOverdue(), b.directivesOverdue(),
                    number(r, "directivesOverdue"), source);
            c.within("rating (time)", where + " directivesDue", a.directivesDue(), b.directivesDue(),
                    number(r, "directivesDue"), source);
            c.within("rating (time)", where + " directivesLate", a.directivesLate(), b.directivesLate(),
                    number(r, "directivesLate"), source);
            c.within("rating (time)", where + " directivesOnTime", a.directivesOnTime(), b.directivesOnTime(),
                    number(r, "directivesOnTime"), source);
            }
            // a rating record written before citizen ratings existed has none: nothing to compare
            if (r.has("citizenRatings")) {
                c.within("rating", where + " citizenRatings", a.citizenRatings(), b.citizenRatings(),
                        number(r, "citizenRatings"), source);
                c.within("rating", where + " citizenSatisfaction", a.citizenSatisfaction(), b.citizenSatisfaction(),
                        number(r, "citizenSatisfaction"), source);
            }
            c.within("rating (time)", where + " stars", a.stars(), b.stars(), number(r, "stars"), source);
            c.within("rating (time)", where + " needsAttention", a.needsAttention(), b.needsAttention(),
                    r.path("needsAttention").asBoolean(), source);
        });
    }

    // ------------------------------------------------------------------ Elasticsearch

    /** Accepted events per index family: distinct ids (reports: distinct report id × commodity; workers: the registry). */
    public static Map<String, Long> expectedDocuments(Feeds feeds) {
        Set<String> calls = new HashSet<>();
        for (CallStep s : feeds.calls) {
            if (s != null && s.id() != null && s.at() != null) {
                calls.add(s.id());
            }
        }
        Set<String> tickets = new HashSet<>();
        for (TicketStep s : feeds.tickets) {
            if (s != null && s.id() != null && s.at() != null) {
                tickets.add(s.id());
            }
        }
        Set<String> messages = new HashSet<>();
        for (CitizenMessage m : feeds.messages) {
            if (m != null && m.id() != null && m.at() != null) {
                messages.add(m.id());
            }
        }
        Set<String> stock = new HashSet<>();
        for (DistrictReport r : feeds.reports) {
            if (r != null && r.id() != null && r.at() != null) {
                for (StockItem item : r.items()) {
                    if (item != null && item.commodity() != null) {
                        stock.add(r.id() + "\u0000" + item.commodity().wire());
                    }
                }
            }
        }
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("calls", (long) calls.size());
        out.put("tickets", (long) tickets.size());
        out.put("messages", (long) messages.size());
        out.put("reports", (long) stock.size());
        out.put("workers", (long) feeds.workers.size());
        return out;
    }

    private void documents(Feeds feeds, Answers answers, Comparison c) {
        expectedDocuments(feeds).forEach((family, n) ->
                c.exact("index documents", "documents in index family " + family, n, answers.documents().get(family), ELASTIC));
    }

    // ------------------------------------------------------------------ complaints

    /**
     * complaint-escalated: per complaint on a desk and level of its category's matrix, open once the level's time
     * (openSince + multiple × SLA, plus {@code alert.complaint-escalated.threshold} hours) is before the window, none while it is after it; a closed complaint has none.
     * Complaints whose latest step falls in the window are in flux and not judged.
     */
    private void complaintEscalations(Feeds feeds, long lo, long hi, Comparison c, Set<String> openAlerts) {
        EscalationMatrix matrix = alerts.complaintEscalation();
        if (matrix == null) {
            return;
        }
        for (Complaint k : feeds.complaints.values()) {
            if (k.district() == null || k.department() == null || k.state() == null || k.updatedAt() == null
                    || k.updatedAt().toInstant().toEpochMilli() > lo) {
                continue;
            }
            boolean onDesk = !k.state().closed() && k.openSince() != null && k.slaDueAt() != null;
            for (EscalationMatrix.Level level : matrix.levels(k.category())) {
                String subject = new ComplaintEscalation.Subject(k.district(), k.department(), k.number(),
                        level.level()).wire();
                if (!onDesk) {
                    alert(c, ComplaintEscalation.RULE, subject, false, true, openAlerts, k.state().wire());
                    continue;
                }
                long due = EscalationMatrix.dueAt(k.openSince(), Duration.between(k.openSince(), k.slaDueAt()), level)
                        .toInstant().toEpochMilli() + Math.round(alerts.complaintEscalationHours() * 3_600_000d);
                alert(c, ComplaintEscalation.RULE, subject, due <= lo, hi < due, openAlerts,
                        "level " + level.level() + " due at " + java.time.Instant.ofEpochMilli(due));
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    static void alert(Comparison c, String rule, String subject, boolean mustBeOpen, boolean mustBeClosed,
                       Set<String> openAlerts, String why) {
        boolean open = openAlerts.contains(rule + "|" + subject);
        if (mustBeOpen) {
            c.exact("alert state", "alert " + rule + " " + subject + " open (" + why + ")", "open", open ? "open" : "none",
                    DASHBOARD);
        } else if (mustBeClosed) {
            c.exact("alert state", "alert " + rule + " " + subject + " open (" + why + ")", "none", open ? "open" : "none",
                    DASHBOARD);
        }
    }

    /** {@code rule|subject} of every alert that is active or acknowledged. */
    static Set<String> openAlerts(JsonNode alerts) {
        Set<String> open = new HashSet<>();
        if (alerts == null) {
            return open;
        }
        for (JsonNode a : alerts.path("items")) {
            String state = a.path("state").asText("");
            if (state.equals("active") || state.equals("acknowledged")) {
                String subject = a.path("subject").asText(null);
                if (subject == null) {
                    subject = a.path("district").asText("") + (a.hasNonNull("commodity") ? "|" + a.path("commodity").asText() : "");
                }
                open.add(a.path("rule").asText() + "|" + subject);
            }
        }
        return open;
    }

    private static Map<String, JsonNode> byKey(JsonNode list, String... fields) {
        Map<String, JsonNode> out = new HashMap<>();
        if (list == null) {
            return out;
        }
        for (JsonNode item : list.isArray() ? list : list.path("items")) {
            StringBuilder key = new StringBuilder();
            for (String f : fields) {
                key.append(key.length() == 0 ? "" : "|").append(item.path(f).asText());
            }
            out.put(key.toString(), item);
        }
        return out;
    }

    private static Number number(JsonNode item, String field) {
        JsonNode v = item.path(field);
        return v.isNumber() ? v.numberValue() : null;
    }

    private static Object instant(JsonNode item, String field) {
        JsonNode v = item.path(field);
        if (!v.isTextual()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v.asText()).toInstant();
        } catch (RuntimeException e) {
            return v.asText();
        }
    }
}
