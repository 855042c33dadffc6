package org.warroom.dashboard.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.warroom.contracts.result.Alert;
import org.warroom.contracts.result.BacklogStatus;
import org.warroom.contracts.result.DistributionBucket;
import org.warroom.contracts.result.DistrictRating;
import org.warroom.contracts.result.LineLoad;
import org.warroom.contracts.result.ShortageStatus;
import org.warroom.contracts.result.WorkerTotals;

/**
 * The figures of a situation report (the state, or one district, on one day), as {@code GET /api/v1/report}
 * answers them and the report page and charts draw them. Lists hold only what the viewer's scope allows.
 *
 * @param district  the district reported on, or null for the viewer's whole scope
 * @param shortages the stock position per district and commodity at the end of the day (or now, for today)
 * @param backlogs  open complaints per district and department
 * @param calls     helpline load per line (state-wide figures; empty for a district report)
 * @param ratings   the districts' star ratings
 * @param alerts    alerts raised on that day or still open
 * @param workers   registry totals (null when unknown)
 * @param workerBuckets worker distributions (every dimension)
 * @param trend     hourly activity over the day, oldest first
 */
public record SituationReport(
        LocalDate date,
        String district,
        OffsetDateTime generatedAt,
        List<ShortageStatus> shortages,
        List<BacklogStatus> backlogs,
        List<LineLoad> calls,
        List<DistrictRating> ratings,
        List<Alert> alerts,
        WorkerTotals workers,
        List<DistributionBucket> workerBuckets,
        List<TrendPoint> trend) {

    public SituationReport {
        shortages = shortages == null ? List.of() : List.copyOf(shortages);
        backlogs = backlogs == null ? List.of() : List.copyOf(backlogs);
        calls = calls == null ? List.of() : List.copyOf(calls);
        ratings = ratings == null ? List.of() : List.copyOf(ratings);
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
        workerBuckets = workerBuckets == null ? List.of() : List.copyOf(workerBuckets);
        trend = trend == null ? List.of() : List.copyOf(trend);
    }
}
