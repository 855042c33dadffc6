package org.warroom.contracts.result;

import java.time.OffsetDateTime;
import org.warroom.contracts.event.Commodity;

/**
 * The live stock position of one commodity in one district. Topic {@code warroom.shortages} (compacted), keyed by
 * {@link #key(String, Commodity)} ({@code "396|medicine"}). The first eight fields are API.md's
 * {@code shortages} item; the rest are additions for the district page.
 *
 * @param stock               stock on hand as of {@link #asOf()}; null when the district never reported it
 * @param dailyNeed           daily requirement, same unit; null when never reported
 * @param daysOfCover         stock ÷ dailyNeed; null when unbounded (a daily need of zero) or unknown
 * @param status              OK / LOW / CRITICAL by the commodity's thresholds, STALE when the report is too old
 *                            (or there is none: see {@link #staleReport()} for the one rule of "stale")
 * @param signalsLastHour     citizen messages and complaint tickets about this commodity in this district whose
 *                            {@code at} lies within the last hour (exact count, duplicates by id removed)
 * @param asOf                the {@code at} of the report these figures come from
 * @param inTransit           quantity dispatched but not yet arrived, as last reported
 * @param burnRatePerDay      consumption per day, net of in-transit arrivals, over the recent reports (at least 3
 *                            spanning 24 h by default; docs/TOPICS.md, "Burn rate"); null ("not enough data")
 *                            until then, and again after stock grew beyond what arrived
 * @param predictedStockOutAt when stock on hand runs out at the burn rate; never before the moment the status was
 *                            computed: stock that has run out by then (or was reported at zero) is out of stock at
 *                            that moment; null when there is no burn rate ("not enough data") or nothing is consumed
 * @param reportId            the id of the report these figures come from
 * @param settings            the latest changed of the thresholds this status was computed under when an
 *                            administrator set one ({@code shortage.<commodity>.low|critical.days}, docs/SETTINGS.md);
 *                            null under the configured defaults
 */
public record ShortageStatus(
        String district,
        Commodity commodity,
        Double stock,
        Double dailyNeed,
        Double daysOfCover,
        ShortageLevel status,
        int signalsLastHour,
        OffsetDateTime asOf,
        Double inTransit,
        String unit,
        Double burnRatePerDay,
        OffsetDateTime predictedStockOutAt,
        String reportId,
        SettingsMark settings) {

    /** A status computed under the configured thresholds (no {@link #settings()} mark). */
    public ShortageStatus(String district, Commodity commodity, Double stock, Double dailyNeed, Double daysOfCover,
                          ShortageLevel status, int signalsLastHour, OffsetDateTime asOf, Double inTransit, String unit,
                          Double burnRatePerDay, OffsetDateTime predictedStockOutAt, String reportId) {
        this(district, commodity, stock, dailyNeed, daysOfCover, status, signalsLastHour, asOf, inTransit, unit,
                burnRatePerDay, predictedStockOutAt, reportId, null);
    }

    /** The topic key: {@code district|commodity}. */
    public static String key(String district, Commodity commodity) {
        return district + "|" + commodity.wire();
    }

    public String key() {
        return key(district, commodity);
    }

    /** The district has reported this commodity (citizen signals alone make a status without figures). */
    public boolean reported() {
        return asOf != null;
    }

    /**
     * The one rule of "stale", for the map, its legend, the rating's report timeliness and the report: a commodity
     * the district has reported whose latest report is older than {@code shortage.stale.after} (26 h). A commodity
     * never reported (status STALE without {@link #asOf()}) is "no report", not a stale report.
     */
    public boolean staleReport() {
        return status == ShortageLevel.STALE && reported();
    }
}
