package org.warroom.tools.verify;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.warroom.contracts.event.CallEventType;
import org.warroom.contracts.event.CallStep;
import org.warroom.contracts.event.CitizenMessage;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.event.DistrictReport;
import org.warroom.contracts.event.StockItem;
import org.warroom.contracts.event.TicketCategory;
import org.warroom.contracts.event.TicketEventType;
import org.warroom.contracts.event.TicketStep;
import org.warroom.contracts.event.WorkerRecord;

/**
 * The figures of the wall and district pages recomputed from the raw feeds with plain arithmetic, by the rules of
 * docs/TOPICS.md and docs/API.md — independently of the streams module (no code of it is used). Figures that depend
 * on the wall clock take {@code now} (epoch millis) as an argument.
 */
public final class Recompute {
    private Recompute() {
    }

    // ------------------------------------------------------------------ shortages

    /** The latest stock of one district × commodity: the item of the report with the latest {@code at}. */
    public record Stock(String district, Commodity commodity, double stock, double dailyNeed, OffsetDateTime asOf,
                        String reportId) {
        public Double daysOfCover() {
            return dailyNeed > 0 ? stock / dailyNeed : null;
        }
    }

    /**
     * Latest stock per {@code district|commodity}: a report replaces the kept item only when its {@code at} is
     * strictly later (an older or same-time report arriving late never overwrites a newer one).
     */
    public static Map<String, Stock> latestStock(Iterable<DistrictReport> reports) {
        Map<String, Stock> latest = new TreeMap<>();
        for (DistrictReport r : reports) {
            if (r == null || r.district() == null || r.at() == null) {
                continue;
            }
            for (StockItem item : r.items()) {
                if (item == null || item.commodity() == null) {
                    continue;
                }
                String key = r.district() + "|" + item.commodity().wire();
                Stock kept = latest.get(key);
                if (kept == null || r.at().toInstant().isAfter(kept.asOf().toInstant())) {
                    latest.put(key, new Stock(r.district(), item.commodity(), item.stock(), item.dailyNeed(), r.at(), r.id()));
                }
            }
        }
        return latest;
    }

    /** OK, LOW, CRITICAL or STALE at {@code now}: STALE when the report is older than the stale age, else by days of cover. */
    public static String status(Stock s, Rules rules, long now) {
        if (s == null) {
            return "STALE";
        }
        if (now - s.asOf().toInstant().toEpochMilli() > rules.staleAfter().toMillis()) {
            return "STALE";
        }
        Double days = s.daysOfCover();
        if (days == null) {
            return "OK";
        }
        if (days < rules.criticalDays(s.district(), s.commodity())) {
            return "CRITICAL";
        }
        return days < rules.lowDays(s.district(), s.commodity()) ? "LOW" : "OK";
    }

    /** A citizen signal: a message or an opened/reopened ticket about a commodity in a district. */
    public record Signal(String key, String id, long at) {
    }

    /**
     * Every citizen signal: one per message and commodity it names (message with a district), one per ticket
     * (opened or reopened, about a commodity: its commodity or a commodity category).
     */
    public static Set<Signal> signals(Iterable<CitizenMessage> messages, Iterable<TicketStep> tickets) {
        Set<Signal> out = new LinkedHashSet<>();
        for (CitizenMessage m : messages) {
            if (m == null || m.district() == null || m.at() == null) {
                continue;
            }
            for (Commodity c : new LinkedHashSet<>(m.commodities())) {
                out.add(new Signal(m.district() + "|" + c.wire(), "message:" + m.id(), m.at().toInstant().toEpochMilli()));
            }
        }
        for (TicketStep t : tickets) {
            if (t == null || t.district() == null || t.at() == null
                    || (t.event() != TicketEventType.OPENED && t.event() != TicketEventType.REOPENED)) {
                continue;
            }
            Commodity c = t.commodity() != null ? t.commodity() : TicketCategory.commodity(t.category()).orElse(null);
            if (c != null) {
                out.add(new Signal(t.district() + "|" + c.wire(), "ticket:" + t.ticket(), t.at().toInstant().toEpochMilli()));
            }
        }
        return out;
    }

    /** Keys that have had a signal: they have a shortage figure even without a report (STALE, no stock). */
    public static Set<String> signalKeys(Set<Signal> signals) {
        Set<String> keys = new HashSet<>();
        signals.forEach(s -> keys.add(s.key()));
        return keys;
    }

    /**
     * Distinct signal ids per key with a time in {@code (now − window, now]} (a signal's id counted once, as long as
     * its latest time is in the window: a ticket reopened within the hour stays in it an hour from its reopening).
     */
    public static Map<String, Integer> signalsLastHour(Set<Signal> signals, Rules rules, long now) {
        Map<String, Long> first = new HashMap<>();
        for (Signal s : signals) {
            first.merge(s.key() + "\u0000" + s.id(), s.at(), Math::max);
        }
        Map<String, Integer> counts = new TreeMap<>();
        long from = now - rules.signalWindow().toMillis();
        first.forEach((k, at) -> {
            if (at > from) {
                counts.merge(k.substring(0, k.indexOf('\u0000')), 1, Integer::sum);
            }
        });
        return counts;
    }

    // ------------------------------------------------------------------ backlogs

    /** One ticket's life: where it is now (its latest step's district and department) and when it opened and resolved. */
    public static final class Ticket {
        public final String id;
        public String district;
        public String department;
        public String category;
        final java.util.List<OffsetDateTime> openings = new java.util.ArrayList<>();
        OffsetDateTime lastResolved;
        OffsetDateTime latestStep;
        OffsetDateTime categoryAt;

        Ticket(String id) {
            this.id = id;
        }

        /** The start of the open episode: the earliest opening step later than the latest resolve; null when closed. */
        public OffsetDateTime openSince() {
            OffsetDateTime since = null;
            for (OffsetDateTime at : openings) {
                if ((lastResolved == null || at.toInstant().isAfter(lastResolved.toInstant()))
                        && (since == null || at.toInstant().isBefore(since.toInstant()))) {
                    since = at;
                }
            }
            return since;
        }

        public String group() {
            return district + "|" + department;
        }
    }

    /**
     * Every ticket by its steps (duplicates by step id dropped), applied by their {@code at}, not their arrival
     * (docs/TOPICS.md: "a late ticket step cannot undo a newer one"): open when an opening step (opened, assigned,
     * reopened) is later than its latest resolve; its district and department are those of its latest step by
     * {@code at} (the later arrival on a tie); its category the one of the latest step that gives one.
     * {@code groupsSeen} receives every district × department a step named.
     */
    public static Map<String, Ticket> tickets(Iterable<TicketStep> steps, Set<String> groupsSeen) {
        Map<String, Ticket> tickets = new HashMap<>();
        Set<String> stepIds = new HashSet<>();
        for (TicketStep s : steps) {
            if (s == null || s.ticket() == null || s.event() == null || s.at() == null || s.district() == null
                    || s.department() == null || !stepIds.add(s.ticket() + "\u0000" + s.id())) {
                continue;
            }
            Ticket t = tickets.computeIfAbsent(s.ticket(), Ticket::new);
            groupsSeen.add(s.district() + "|" + s.department());
            if (t.latestStep == null || !s.at().toInstant().isBefore(t.latestStep.toInstant())) {
                t.latestStep = s.at(); // a late, older step does not move the ticket back
                t.district = s.district();
                t.department = s.department();
            }
            if (s.category() != null && (t.categoryAt == null || !s.at().toInstant().isBefore(t.categoryAt.toInstant()))) {
                t.category = s.category();
                t.categoryAt = s.at();
            }
            if (s.event() == TicketEventType.RESOLVED) {
                if (t.lastResolved == null || s.at().toInstant().isAfter(t.lastResolved.toInstant())) {
                    t.lastResolved = s.at();
                }
            } else {
                t.openings.add(s.at());
            }
        }
        return tickets;
    }

    /** A department's backlog in a district. */
    public record Backlog(int open, int slaBreaches, OffsetDateTime oldestOpenSince) {
    }

    /**
     * Per {@code district|department} (every one a ticket has been in, 0 when nothing is open there now): open
     * tickets, the oldest open since, and SLA breaches at {@code now} (open longer than the category's SLA:
     * {@code openSince + sla < now}).
     */
    public static Map<String, Backlog> backlogs(Map<String, Ticket> tickets, Set<String> groups, Rules rules, long now) {
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, OffsetDateTime> oldest = new HashMap<>();
        groups.forEach(g -> counts.put(g, new int[2]));
        for (Ticket t : tickets.values()) {
            OffsetDateTime since = t.openSince();
            if (since == null) {
                continue;
            }
            int[] c = counts.computeIfAbsent(t.group(), g -> new int[2]);
            c[0]++;
            if (since.toInstant().toEpochMilli() + rules.slaOf(t.category, since).toMillis() < now) {
                c[1]++;
            }
            oldest.merge(t.group(), since, (a, b) -> a.toInstant().isBefore(b.toInstant()) ? a : b);
        }
        Map<String, Backlog> out = new TreeMap<>();
        counts.forEach((g, c) -> out.put(g, new Backlog(c[0], c[1], oldest.get(g))));
        return out;
    }

    // ------------------------------------------------------------------ call load

    /** A line's load: calls in progress and those of them not answered yet (waiting). */
    public record Load(int inProgress, int waiting, int capacity) {
    }

    /**
     * Per line (every configured line and every line a call was on; a district control room's call on the line of
     * its district, {@code district-control:<lgd>}): calls in progress at {@code now} — a call
     * ({@code line|call}) started or answered, not ended or abandoned (whatever the order the steps arrived in), and
     * with a step less than {@code calls.stuck.after} ago (else it expired) — and how many of them are not answered.
     */
    public static Map<String, Load> callLoad(Iterable<CallStep> steps, Rules rules, long now) {
        Map<String, long[]> calls = new HashMap<>(); // started, answered, ended, last step
        Map<String, String> lineOf = new HashMap<>();
        Set<String> stepIds = new HashSet<>();
        for (CallStep s : steps) {
            if (s == null || s.line() == null || s.call() == null || s.event() == null || s.at() == null) {
                continue;
            }
            String line = org.warroom.contracts.event.ControlRoomLines.loadLine(s.line(), s.district());
            String key = line + "|" + s.call();
            if (!stepIds.add(key + "\u0000" + s.id())) {
                continue;
            }
            long at = s.at().toInstant().toEpochMilli();
            long[] c = calls.computeIfAbsent(key, k -> new long[4]);
            lineOf.put(key, line);
            int slot = s.event() == CallEventType.STARTED ? 0 : s.event() == CallEventType.ANSWERED ? 1 : 2;
            c[slot] = 1;
            c[3] = Math.max(c[3], at);
        }
        Map<String, int[]> lines = new TreeMap<>();
        rules.capacities().keySet().forEach(l -> lines.put(l, new int[2]));
        calls.forEach((key, c) -> {
            int[] l = lines.computeIfAbsent(lineOf.get(key), k -> new int[2]);
            boolean inProgress = c[2] == 0 && (c[0] == 1 || c[1] == 1) && now - c[3] <= rules.callsStuckAfter().toMillis();
            if (inProgress) {
                l[0]++;
                if (c[1] == 0) {
                    l[1]++;
                }
            }
        });
        Map<String, Load> out = new TreeMap<>();
        lines.forEach((line, l) -> out.put(line, new Load(l[0], l[1], rules.capacityOf(line))));
        return out;
    }

    // ------------------------------------------------------------------ workers

    /** The distribution dimensions of the workers page. */
    public static final java.util.List<String> DIMENSIONS =
            java.util.List.of("currentState", "currentDistrict", "skill", "homeDistrict", "status");

    /**
     * Workers per bucket of each dimension, over the registry (latest record per worker): a missing or blank value
     * counts in {@code unknown}; skills lower-cased, each skill of a worker once, no bucket for a worker without skills.
     */
    public static Map<String, Map<String, Long>> distributions(Map<String, WorkerRecord> registry) {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        DIMENSIONS.forEach(d -> out.put(d, new TreeMap<>()));
        for (WorkerRecord w : registry.values()) {
            out.get("currentState").merge(bucket(w.currentState()), 1L, Long::sum);
            out.get("currentDistrict").merge(bucket(w.currentDistrict()), 1L, Long::sum);
            out.get("homeDistrict").merge(bucket(w.homeDistrict()), 1L, Long::sum);
            out.get("status").merge(bucket(w.status() == null ? null : w.status().wire()), 1L, Long::sum);
            Set<String> skills = new HashSet<>();
            for (String skill : w.skills()) {
                String k = skill == null ? "" : skill.strip().toLowerCase(Locale.ROOT);
                if (!k.isEmpty() && skills.add(k)) {
                    out.get("skill").merge(k, 1L, Long::sum);
                }
            }
        }
        return out;
    }

    /** The district of a {@code district|...} key. */
    public static String districtOf(String key) {
        int bar = key.indexOf('|');
        return bar < 0 ? key : key.substring(0, bar);
    }

    static String bucket(String value) {
        return value == null || value.isBlank() ? "unknown" : value.strip();
    }
}
