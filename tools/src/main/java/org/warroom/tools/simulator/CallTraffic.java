package org.warroom.tools.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.warroom.contracts.reference.District;

/**
 * Helpline calls and complaint tickets. A call starts on a line, is answered after a wait (or abandoned, more
 * often on a busy line) and ends after a realistic talk time; a share of answered calls opens a ticket, which
 * is assigned, resolved after a while (some late enough to breach their SLA, some never within the run) and
 * sometimes reopened.
 */
final class CallTraffic {
    static final List<String> LINES = List.of("181", "104", "1075", "district-control", "worker-helpline");
    static final double[] LINE_WEIGHTS = {0.35, 0.25, 0.1, 0.2, 0.1};
    static final String[] CATEGORIES = {"ration", "water", "milk", "medicine", "lpg", "vegetables", "health", "wages",
            "stranded", "transport", "other"};
    static final double[] CATEGORY_WEIGHTS = {0.22, 0.1, 0.05, 0.1, 0.06, 0.05, 0.14, 0.1, 0.08, 0.05, 0.05};
    static final Map<String, String> DEPARTMENTS = Map.ofEntries(
            Map.entry("ration", "Food and Civil Supplies"), Map.entry("water", "Public Health Engineering"),
            Map.entry("milk", "Animal Husbandry and Dairy"), Map.entry("medicine", "Health"),
            Map.entry("lpg", "Food and Civil Supplies"), Map.entry("vegetables", "Agriculture"),
            Map.entry("health", "Health"), Map.entry("wages", "Labour"), Map.entry("stranded", "Labour"),
            Map.entry("transport", "Transport"), Map.entry("other", "District Administration"));

    private final Random random;
    private final Ids ids;
    private final Schedule schedule;
    private final List<District> districts;

    CallTraffic(Random random, Ids ids, Schedule schedule, List<District> districts) {
        this.random = random;
        this.ids = ids;
        this.schedule = schedule;
        this.districts = districts;
    }

    /** A new call's first step now; its later steps (and perhaps a ticket) go to the schedule. */
    SimEvent newCall(Instant now) {
        String line = LINES.get(Pick.weighted(random, LINE_WEIGHTS));
        District district = Pick.one(random, districts);
        String call = ids.next("call");
        String caller = "+91" + (6 + random.nextInt(4)) + String.format("%09d", random.nextInt(1_000_000_000));
        Instant answered = now.plusSeconds(3 + (long) Math.abs(random.nextGaussian() * 25));
        boolean abandoned = random.nextDouble() < (line.equals("181") ? 0.14 : 0.08);
        if (abandoned) {
            schedule.add(step(call, line, district, "abandoned", now.plusSeconds(15 + random.nextInt(120)), caller, null));
        } else {
            String agent = "agent-" + (1 + random.nextInt(120));
            Instant ended = answered.plusSeconds(45 + (long) (random.nextDouble() * random.nextDouble() * 900));
            schedule.add(step(call, line, district, "answered", answered, caller, agent));
            schedule.add(step(call, line, district, "ended", ended, caller, agent));
            if (random.nextDouble() < 0.3) {
                ticket(district, ended, call);
            }
        }
        return step(call, line, district, "started", now, caller, null);
    }

    /** A ticket opened at {@code at}: assigned, resolved (or left open), perhaps reopened. */
    void ticket(District district, Instant at, String call) {
        String category = CATEGORIES[Pick.weighted(random, CATEGORY_WEIGHTS)];
        String ticket = ids.next("tkt");
        boolean urgent = category.equals("health") || category.equals("medicine") ? random.nextDouble() < 0.4
                : random.nextDouble() < 0.1;
        schedule.add(ticketStep(ticket, district, category, "opened", at, urgent, call));
        Instant assigned = at.plus(Duration.ofSeconds(60 + random.nextInt(900)));
        schedule.add(ticketStep(ticket, district, category, "assigned", assigned, urgent, null));
        if (random.nextDouble() < 0.85) {
            // Most resolve within hours; a long tail breaches the SLA.
            Instant resolved = assigned.plus(Duration.ofSeconds((long) (600 + Math.abs(random.nextGaussian()) * 5400)));
            schedule.add(ticketStep(ticket, district, category, "resolved", resolved, urgent, null));
            if (random.nextDouble() < 0.06) {
                schedule.add(ticketStep(ticket, district, category, "reopened", resolved.plusSeconds(1800 + random.nextInt(3600)),
                        urgent, null));
            }
        }
    }

    private SimEvent step(String call, String line, District district, String event, Instant at, String caller, String agent) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("id", call + "-" + event);
        b.put("kind", "call");
        b.put("call", call);
        b.put("line", line);
        b.put("district", district.code());
        b.put("event", event);
        b.put("at", OffsetDateTime.ofInstant(at, ZoneOffset.ofHoursMinutes(5, 30)).toString());
        b.put("caller", caller);
        if (agent != null) {
            b.put("agent", agent);
        }
        return new SimEvent("calls", b, at);
    }

    private SimEvent ticketStep(String ticket, District district, String category, String event, Instant at,
                                boolean urgent, String call) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("id", ticket + "-" + event + "-" + at.getEpochSecond());
        b.put("kind", "ticket");
        b.put("ticket", ticket);
        b.put("district", district.code());
        b.put("department", DEPARTMENTS.get(category));
        b.put("category", category);
        b.put("event", event);
        b.put("at", OffsetDateTime.ofInstant(at, ZoneOffset.ofHoursMinutes(5, 30)).toString());
        b.put("priority", urgent ? "urgent" : "normal");
        if (call != null) {
            b.put("call", call);
        }
        return new SimEvent("calls", b, at);
    }
}
