package org.warroom.dashboard.api;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import org.warroom.contracts.topic.ResultTopics;

/** Result records as the streams service writes them, for tests, and producing them to the real topics. */
public final class Results {
    public static final OffsetDateTime AT = OffsetDateTime.of(2026, 4, 1, 18, 13, 0, 0, ZoneOffset.ofHoursMinutes(5, 30));

    private Results() {
    }

    public static ShortageStatus shortage(String district, Commodity commodity, double stock, ShortageLevel level) {
        return new ShortageStatus(district, commodity, stock, 100d, stock / 100d, level, 2, AT, 0d, "kg", null, null,
                "report-" + district);
    }

    public static BacklogStatus backlog(String district, String department, int open, int breaches) {
        return new BacklogStatus(district, department, open, AT.minusHours(5), breaches, 3, 1, 0);
    }

    public static LineLoad line(String line, int inProgress, int capacity) {
        return new LineLoad(line, inProgress, capacity, 1, 7, capacity == 0 ? 0 : (double) inProgress / capacity, 0);
    }

    public static DistrictRating rating(String district, int stars) {
        return new DistrictRating(district, stars, 0.8, 0.9, 0.8, 0.7, 4.0, 10, 1, 10, 0, 2);
    }

    public static DistributionBucket bucket(String by, String key, long count) {
        return new DistributionBucket(by, key, null, count);
    }

    public static Alert alert(String district, Commodity commodity, AlertState state) {
        String subject = district + "|" + commodity.wire();
        return new Alert("shortage-critical|" + subject + "|1775047380", "shortage-critical", district, commodity,
                Severity.CRITICAL, state, AT, null, null, null, subject, 1, 0.5, 1.0,
                "medicine below 1 day of cover in " + district, null, AT, 0);
    }

    /** Produces a shortage, a backlog, a rating, worker buckets and an active alert for each district. */
    public static void districtFigures(TestDashboard d, String district, Commodity commodity) {
        d.produce(ResultTopics.SHORTAGES, district + "|" + commodity.wire(), shortage(district, commodity, 50, ShortageLevel.CRITICAL));
        d.produce(ResultTopics.BACKLOGS, district + "|food", backlog(district, "food", 7, 2));
        d.produce(ResultTopics.RATINGS, district, rating(district, 3));
        d.produce(ResultTopics.WORKER_DISTRIBUTION, "currentDistrict|" + district,
                bucket(DistributionBucket.BY_CURRENT_DISTRICT, district, 40));
        d.produce(ResultTopics.WORKER_DISTRIBUTION, "homeDistrict|" + district,
                bucket(DistributionBucket.BY_HOME_DISTRICT, district, 60));
        Alert a = alert(district, commodity, AlertState.ACTIVE);
        d.produce(ResultTopics.ALERTS, a.id(), a);
    }
}
