package org.warroom.dashboard.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.result.Alert;
import org.warroom.contracts.result.AlertState;
import org.warroom.contracts.result.BacklogStatus;
import org.warroom.contracts.result.DistributionBucket;
import org.warroom.contracts.result.DistrictRating;
import org.warroom.contracts.result.LineLoad;
import org.warroom.contracts.result.Severity;
import org.warroom.contracts.result.ShortageLevel;
import org.warroom.contracts.result.ShortageStatus;
import org.warroom.contracts.result.WorkerTotals;
import org.warroom.dashboard.query.SituationReportData;

/** Situation reports with known figures for the web tests (Bhopal 396 and Sehore 427 of Madhya Pradesh). */
final class SampleReports {
    static final ZoneOffset IST = ZoneOffset.ofHoursMinutes(5, 30);
    static final LocalDate DAY = LocalDate.of(2026, 4, 1);
    static final OffsetDateTime NOON = OffsetDateTime.of(2026, 4, 1, 12, 0, 0, 0, IST);

    static final SituationReportData.Figures FIGURES = new SituationReportData.Figures(5160, 4800, 120, 1788, 756, 636,
            0.82, 34, 8, 3, 1, 4, 2, 1, 2500);
    static final SituationReportData.Figures PREVIOUS = new SituationReportData.Figures(4900, 4500, 150, 1800, 700,
            600, 0.8, 30, 9, 2, 2, 5, 3, 2, 2300);

    private SampleReports() {
    }

    static ShortageStatus shortage(String district, Commodity c, double stock, double need, ShortageLevel level) {
        return new ShortageStatus(district, c, stock, need, stock / need, level, 3, NOON.minusHours(2), 10.0, "kg",
                need * 1.1, NOON.plusHours((long) (24 * stock / need)), "r-" + district + "-" + c.wire());
    }

    /** The figures of {@code district} (null: both districts). */
    static SituationReport report(LocalDate date, String district) {
        List<String> districts = district == null ? List.of("396", "427") : List.of(district);
        List<ShortageStatus> shortages = new ArrayList<>();
        List<BacklogStatus> backlogs = new ArrayList<>();
        List<DistrictRating> ratings = new ArrayList<>();
        for (String d : districts) {
            shortages.add(shortage(d, Commodity.MEDICINE, 40, 100, ShortageLevel.CRITICAL));
            shortages.add(shortage(d, Commodity.RATION, 900, 100, ShortageLevel.OK));
            shortages.add(shortage(d, Commodity.MILK, 150, 100, ShortageLevel.LOW));
            shortages.add(new ShortageStatus(d, Commodity.LPG, null, null, null, ShortageLevel.STALE, 0, null, null,
                    null, null, null, null));
            backlogs.add(new BacklogStatus(d, "food", 12, NOON.minusHours(30), 4, 3, 2, 0));
            backlogs.add(new BacklogStatus(d, "health", 5, NOON.minusHours(5), 0, 1, 1, 0));
            ratings.add(new DistrictRating(d, d.equals("396") ? 4 : 2, 0.7, 0.8, 0.75, 0.5, 6.0, 17, 4, 10, 1, 3));
        }
        List<LineLoad> calls = district == null
                ? List.of(new LineLoad("181", 320, 500, 12, 40, 0.64, 0), new LineLoad("104", 80, 100, 5, 9, 0.8, 0))
                : List.of();
        List<Alert> alerts = List.of(new Alert("shortage-critical|" + districts.get(0) + "|medicine|1775047380",
                "shortage-critical", districts.get(0), Commodity.MEDICINE, Severity.CRITICAL, AlertState.ACTIVE,
                NOON.minusHours(1), null, null, null, districts.get(0) + "|medicine", 1, 0.4, 1.0,
                "medicine cover 0.4 days", null, NOON.minusHours(1), 0));
        List<TrendPoint> trend = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            OffsetDateTime hour = date.atStartOfDay().atOffset(IST).plusHours(h);
            trend.add(new TrendPoint(hour, 100 + 10L * h, 40 + 3L * h, 20 + h, 15 + h));
        }
        List<DistributionBucket> buckets = List.of(
                new DistributionBucket("status", "home", null, 1200),
                new DistributionBucket("status", "working", null, 3400),
                new DistributionBucket("status", "unreachable", null, 150),
                new DistributionBucket("currentDistrict", "396", "Bhopal", 800),
                new DistributionBucket("skill", "mason", null, 2100));
        return new SituationReport(date, district, NOON, shortages, backlogs, calls, ratings, alerts,
                new WorkerTotals(4750, 3000, 3000.0 / 4750, 30), buckets, trend, FIGURES, PREVIOUS,
                java.util.Map.of("calls", 260.0, "messages", -12.0));
    }
}
