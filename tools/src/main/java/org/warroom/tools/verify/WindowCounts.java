package org.warroom.tools.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.event.CallEventType;
import org.warroom.contracts.event.CallStep;
import org.warroom.contracts.event.CitizenMessage;
import org.warroom.contracts.event.ControlRoomLines;
import org.warroom.contracts.event.TicketEventType;
import org.warroom.contracts.event.TicketStep;

/**
 * The counts of a sliding window (docs/TOPICS.md): {@code openedLastHour} and {@code resolvedLastHour} of every
 * backlog (list and district pages), {@code perMinute} of every line (a district control room's calls on its own line), the wall's {@code unlocatedMessagesLastHour} and
 * the alert rule {@code unlocated-messages}. An id (ticket, call, message) counts once in its group as long as its
 * latest time in the feed is in {@code (now − window, now]} (or later: a sender's clock ahead of ours). Recomputed at
 * both ends of the time window; the pipeline's figure must equal one end or lie between them.
 */
public final class WindowCounts {
    private final Duration hour;
    private final Duration rateWindow;
    private final Double unlocatedThreshold;
    private final double hysteresis;

    public WindowCounts(Duration hour, Duration rateWindow, Double unlocatedThreshold, double hysteresis) {
        this.hour = hour;
        this.rateWindow = rateWindow;
        this.unlocatedThreshold = unlocatedThreshold;
        this.hysteresis = hysteresis;
    }

    /** The windows and the rule's threshold (null when the rule is off) from the same keys streams reads. */
    public static WindowCounts from(Settings s) {
        return new WindowCounts(s.getDuration("signals.window", Duration.ofHours(1)),
                s.getDuration("calls.rate.window", Duration.ofMinutes(1)),
                s.getBoolean("alert.unlocated-messages.enabled", true)
                        ? s.getDouble("alert.unlocated-messages.threshold", 20) : null,
                s.getDouble("alert.hysteresis", 0.2));
    }

    public void compare(Feeds feeds, Answers answers, long lo, long hi, Comparison c) {
        backlogs(feeds, answers, lo, hi, c);
        lines(feeds, answers, lo, hi, c);
        unlocated(feeds, answers, lo, hi, c);
    }

    // ------------------------------------------------------------------ backlogs

    private void backlogs(Feeds feeds, Answers answers, long lo, long hi, Comparison c) {
        Map<String, Map<String, Long>> opened = new HashMap<>();
        Map<String, Map<String, Long>> resolved = new HashMap<>();
        Set<String> steps = new HashSet<>();
        for (TicketStep t : feeds.tickets) {
            if (t == null || t.ticket() == null || t.event() == null || t.at() == null || t.district() == null
                    || t.department() == null || !steps.add(t.ticket() + "\u0000" + t.id())) {
                continue;
            }
            String group = t.district() + "|" + t.department();
            long at = t.at().toInstant().toEpochMilli();
            if (t.event() == TicketEventType.OPENED || t.event() == TicketEventType.REOPENED) {
                opened.computeIfAbsent(group, g -> new HashMap<>()).merge(t.ticket(), at, Math::max);
            } else if (t.event() == TicketEventType.RESOLVED) {
                resolved.computeIfAbsent(group, g -> new HashMap<>()).merge(t.ticket(), at, Math::max);
            }
        }
        compareBacklogs(answers.backlogs(), opened, resolved, lo, hi, c, Verifier.DASHBOARD);
        answers.districtPages().forEach((district, page) ->
                compareBacklogs(page.path("backlogs"), opened, resolved, lo, hi, c, "district page " + district));
    }

    private void compareBacklogs(JsonNode list, Map<String, Map<String, Long>> opened,
                                 Map<String, Map<String, Long>> resolved, long lo, long hi, Comparison c, String source) {
        for (JsonNode item : items(list)) {
            String group = item.path("district").asText() + "|" + item.path("department").asText();
            String where = "backlog " + group;
            c.within("openedLastHour (time)", where + " openedLastHour", inWindow(opened.get(group), hour, lo),
                    inWindow(opened.get(group), hour, hi), number(item, "openedLastHour"), source);
            c.within("resolvedLastHour (time)", where + " resolvedLastHour", inWindow(resolved.get(group), hour, lo),
                    inWindow(resolved.get(group), hour, hi), number(item, "resolvedLastHour"), source);
        }
    }

    // ------------------------------------------------------------------ lines

    private void lines(Feeds feeds, Answers answers, long lo, long hi, Comparison c) {
        Map<String, Map<String, Long>> starts = new HashMap<>();
        for (CallStep s : feeds.calls) {
            if (s != null && s.line() != null && s.call() != null && s.at() != null
                    && s.event() == CallEventType.STARTED) {
                starts.computeIfAbsent(ControlRoomLines.loadLine(s.line(), s.district()), l -> new HashMap<>())
                        .merge(s.call(), s.at().toInstant().toEpochMilli(), Math::max);
            }
        }
        for (JsonNode item : items(answers.callLoad())) {
            String line = item.path("line").asText();
            c.within("perMinute (time)", "line " + line + " perMinute", inWindow(starts.get(line), rateWindow, lo),
                    inWindow(starts.get(line), rateWindow, hi), number(item, "perMinute"), Verifier.DASHBOARD);
        }
    }

    // ------------------------------------------------------------------ unlocated messages

    private void unlocated(Feeds feeds, Answers answers, long lo, long hi, Comparison c) {
        Map<String, CitizenMessage> latest = new HashMap<>(); // a message placed later is no longer unplaced
        for (CitizenMessage m : feeds.messages) {
            if (m != null && m.id() != null && m.at() != null) {
                latest.put(m.id(), m);
            }
        }
        Map<String, Long> ids = new HashMap<>();
        latest.forEach((id, m) -> {
            if (m.unlocated()) {
                ids.put(id, m.at().toInstant().toEpochMilli());
            }
        });
        long atLo = inWindow(ids, hour, lo);
        long atHi = inWindow(ids, hour, hi);
        if (answers.overview() != null && answers.overview().has("unlocatedMessagesLastHour")) {
            c.within("wall counters (time)", "wall unlocatedMessagesLastHour", atLo, atHi,
                    number(answers.overview(), "unlocatedMessagesLastHour"), Verifier.DASHBOARD);
        }
        if (unlocatedThreshold != null && answers.alerts() != null) {
            double t = unlocatedThreshold;
            Verifier.alert(c, "unlocated-messages", "all", Math.min(atLo, atHi) >= t,
                    Math.max(atLo, atHi) < t * (1 - hysteresis), Verifier.openAlerts(answers.alerts()),
                    "unlocated messages of the hour " + atLo + ".." + atHi + ", threshold " + t);
        }
    }

    // ------------------------------------------------------------------ helpers

    /** Ids whose latest time is in {@code (now − window, now]} or later. */
    static long inWindow(Map<String, Long> latest, Duration window, long now) {
        if (latest == null) {
            return 0;
        }
        long from = now - window.toMillis();
        return latest.values().stream().filter(at -> at > from).count();
    }

    private static Iterable<JsonNode> items(JsonNode list) {
        if (list == null) {
            return java.util.List.of();
        }
        return list.isArray() ? list : list.path("items");
    }

    private static Number number(JsonNode item, String field) {
        JsonNode v = item.path(field);
        return v.isNumber() ? v.numberValue() : null;
    }
}
