package org.warroom.tools.verify;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.warroom.contracts.complaint.ComplaintEscalation;
import org.warroom.contracts.complaint.EscalationMatrix;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.event.WireEnum;

/**
 * The alert rules that verify checks (docs/TOPICS.md, "Alert rules": all but {@code unlocated-messages}), from the same
 * configuration keys ({@code complaint-escalated}: the escalation matrix, {@code complaint.escalation.*}): a rule's threshold is null when {@code alert.<rule>.enabled} is false. An alert must be open (active or acknowledged)
 * where its value is past the threshold, and must not be open where the value is past the clear margin
 * ({@code alert.hysteresis}); in between either is right.
 */
public record AlertLimits(double hysteresis, boolean shortageCritical, Set<Commodity> criticalCommodities,
                          Double backlogBreaches, Double lineLoad, Double stockoutHours, Double reportStaleHours,
                          Double citizenSignals, EscalationMatrix complaintEscalation,
                          double complaintEscalationHours) {

    public static AlertLimits defaults() {
        return from(Settings.ofKeys(Map.of()));
    }

    public static AlertLimits from(Settings s) {
        Set<Commodity> commodities = EnumSet.allOf(Commodity.class);
        String listed = s.get("alert.shortage-critical.commodities", "all").strip();
        if (!listed.equalsIgnoreCase("all")) {
            commodities = EnumSet.noneOf(Commodity.class);
            for (String c : listed.split(",")) {
                WireEnum.parse(Commodity.class, c.strip()).ifPresent(commodities::add);
            }
        }
        return new AlertLimits(s.getDouble("alert.hysteresis", 0.2),
                s.getBoolean("alert.shortage-critical.enabled", true), commodities,
                s.getBoolean("alert.backlog-breaches.enabled", true) ? s.getDouble("alert.backlog-breaches.threshold", 5) : null,
                s.getBoolean("alert.line-load.enabled", true) ? s.getDouble("alert.line-load.threshold", 0.9) : null,
                enabled(s, "stockout-predicted") ? s.getDouble("alert.stockout-predicted.threshold", 24) : null,
                // 0 (the default) means shortage.stale.after, in hours
                enabled(s, "report-stale") ? s.getDouble("alert.report-stale.threshold", 0) > 0
                        ? s.getDouble("alert.report-stale.threshold", 0)
                        : s.getDuration("shortage.stale.after", java.time.Duration.ofHours(26)).toMillis() / 3_600_000d : null,
                enabled(s, "citizen-signals") ? s.getDouble("alert.citizen-signals.threshold", 10) : null,
                enabled(s, ComplaintEscalation.RULE) ? EscalationMatrix.from(s) : null,
                s.getDouble("alert." + ComplaintEscalation.RULE + ".threshold", 0));
    }

    private static boolean enabled(Settings s, String rule) {
        return s.getBoolean("alert." + rule + ".enabled", true);
    }
}
