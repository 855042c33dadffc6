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
 * @param signalsLastHour     citizen messages and complaint tickets about this commodity in this district whose
 *                            {@code at} lies within the last hour (exact count, duplicates by id removed)
 * @param asOf                the {@code at} of the report these figures come from
 * @param inTransit           quantity dispatched but not yet arrived, as last reported
 * @param burnRatePerDay      consumption per day between the two latest reports, net of in-transit arrivals;
 *                            null until two reports exist or when stock grew beyond what arrived
 * @param predictedStockOutAt when stock on hand runs out at the burn rate (or, lacking one, at the daily need);
 *                            never before the moment the status was computed: stock that has run out by then
 *                            (or was reported at zero) is out of stock at that moment; null when nothing is consumed
 * @param reportId            the id of the report these figures come from
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
        String reportId) {

    /** The topic key: {@code district|commodity}. */
    public static String key(String district, Commodity commodity) {
        return district + "|" + commodity.wire();
    }

    public String key() {
        return key(district, commodity);
    }
}
