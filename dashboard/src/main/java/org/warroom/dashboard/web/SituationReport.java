package org.warroom.dashboard.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.warroom.contracts.result.Alert;
import org.warroom.contracts.result.BacklogStatus;
import org.warroom.contracts.result.DistributionBucket;
import org.warroom.contracts.result.DistrictRating;
import org.warroom.contracts.result.LineLoad;
import org.warroom.contracts.result.ShortageStatus;
import org.warroom.contracts.result.WorkerTotals;
import org.warroom.dashboard.query.SituationReportData;

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
 * @param today     the day's headline figures (null when the source has none; the page then sums the trend)
 * @param previousDay the same figures for the day before (null when unknown)
 * @param change    today − previous day, per figure name (empty when unknown)
 * @param campaigns running verification-call campaigns and their progress now (state-wide reports only; empty otherwise)
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
        List<TrendPoint> trend,
        SituationReportData.Figures today,
        SituationReportData.Figures previousDay,
        Map<String, Double> change,
        List<CampaignLine> campaigns) {

    public SituationReport {
        shortages = shortages == null ? List.of() : List.copyOf(shortages);
        backlogs = backlogs == null ? List.of() : List.copyOf(backlogs);
        calls = calls == null ? List.of() : List.copyOf(calls);
        ratings = ratings == null ? List.of() : List.copyOf(ratings);
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
        workerBuckets = workerBuckets == null ? List.of() : List.copyOf(workerBuckets);
        trend = trend == null ? List.of() : List.copyOf(trend);
        change = change == null ? Map.of() : Map.copyOf(change);
        campaigns = campaigns == null ? List.of() : List.copyOf(campaigns);
    }

    /** A report without campaigns. */
    public SituationReport(LocalDate date, String district, OffsetDateTime generatedAt, List<ShortageStatus> shortages,
                           List<BacklogStatus> backlogs, List<LineLoad> calls, List<DistrictRating> ratings,
                           List<Alert> alerts, WorkerTotals workers, List<DistributionBucket> workerBuckets,
                           List<TrendPoint> trend, SituationReportData.Figures today,
                           SituationReportData.Figures previousDay, Map<String, Double> change) {
        this(date, district, generatedAt, shortages, backlogs, calls, ratings, alerts, workers, workerBuckets, trend,
                today, previousDay, change, List.of());
    }

    /** The same report with the running campaigns' progress. */
    public SituationReport withCampaigns(List<CampaignLine> lines) {
        return new SituationReport(date, district, generatedAt, shortages, backlogs, calls, ratings, alerts, workers,
                workerBuckets, trend, today, previousDay, change, lines);
    }

    /** The query service's report in the shape the pages and charts use. */
    public static SituationReport of(SituationReportData.Report r) {
        List<TrendPoint> trend = r.trend() == null ? List.of() : r.trend().stream()
                .map(p -> new TrendPoint(p.hour(), p.calls(), p.messages(), p.ticketsOpened(), p.ticketsResolved()))
                .toList();
        return new SituationReport(r.date(), r.district(), r.generatedAt(), r.shortages(), r.backlogs(), r.calls(),
                r.ratings(), r.alerts(), r.workers(), r.workerBuckets(), trend, r.today(), r.previousDay(), r.change());
    }
}
