package org.warroom.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.streams.Events.BHOPAL;
import static org.warroom.streams.Events.call;
import static org.warroom.streams.Events.item;
import static org.warroom.streams.Events.message;
import static org.warroom.streams.Events.minutes;
import static org.warroom.streams.Events.report;
import static org.warroom.streams.Events.ticket;
import static org.warroom.streams.Events.worker;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.event.CallEventType;
import org.warroom.contracts.event.CallStep;
import org.warroom.contracts.event.CitizenMessage;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.event.DistrictReport;
import org.warroom.contracts.event.TicketEventType;
import org.warroom.contracts.event.TicketStep;
import org.warroom.contracts.event.WorkerRecord;
import org.warroom.contracts.event.WorkerStatus;
import org.warroom.contracts.result.Alert;
import org.warroom.contracts.result.BacklogStatus;
import org.warroom.contracts.result.DistributionBucket;
import org.warroom.contracts.result.DistrictRating;
import org.warroom.contracts.result.LineLoad;
import org.warroom.contracts.result.ShortageLevel;
import org.warroom.contracts.result.ShortageStatus;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.contracts.topic.Topics;
import org.warroom.streams.workers.BucketNames;

/**
 * Issue 18, item 3: scenarios from the feeds to what the wall and the district page show, through the whole
 * topology, with the figures computed by hand in the comments. (The dashboard half, results to API answers, is
 * dashboard's ScreenScenariosIntegrationTest.)
 */
class ScreenScenariosTest {
    private static final String DAMOH = "400";
    private static final String INDORE = "410";

    private TestDriver driver;
    private Map<String, ShortageStatus> shortages;
    private Map<String, DistrictRating> ratings;
    private Map<String, BacklogStatus> backlogs;
    private Map<String, LineLoad> lines;
    private Map<String, DistributionBucket> buckets;
    private final List<Alert> alerts = new java.util.ArrayList<>();

    @BeforeEach
    void start() {
        driver = TestDriver.of(sources -> WarroomTopology.build(sources.builder(), TestDriver.rules(Map.of(
                "streams.punctuate.interval", "1m", "line.capacity.104", "2", "calls.emit.interval", "0")),
                BucketNames.none()));
        shortages = new java.util.HashMap<>();
        ratings = new java.util.HashMap<>();
        backlogs = new java.util.HashMap<>();
        lines = new java.util.HashMap<>();
        buckets = new java.util.HashMap<>();
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    /** The latest value per key of every result topic, as the dashboard's live state keeps them. */
    private void read() {
        shortages.putAll(driver.output(ResultTopics.SHORTAGES).readKeyValuesToMap());
        ratings.putAll(driver.output(ResultTopics.RATINGS).readKeyValuesToMap());
        backlogs.putAll(driver.output(ResultTopics.BACKLOGS).readKeyValuesToMap());
        lines.putAll(driver.output(ResultTopics.CALL_LOAD).readKeyValuesToMap());
        buckets.putAll(driver.output(ResultTopics.WORKER_DISTRIBUTION).readKeyValuesToMap());
        alerts.addAll(driver.output(ResultTopics.ALERTS).readValuesToList());
    }

    private void send(DistrictReport r) {
        driver.input(Topics.REPORTS).pipeInput(r.district(), r, r.at().toInstant());
    }

    private void send(TicketStep s) {
        driver.input(Topics.TICKETS).pipeInput(s.ticket(), s, s.at().toInstant());
    }

    private void send(CallStep s) {
        driver.input(Topics.CALLS).pipeInput(s.call(), s, s.at().toInstant());
    }

    private void send(CitizenMessage m) {
        driver.input(Topics.MESSAGES).pipeInput(m.id(), m, m.at().toInstant());
    }

    private void send(WorkerRecord w) {
        driver.input(Topics.WORKERS).pipeInput(w.id(), w, driver.now());
    }

    @Test
    @DisplayName("Indore, medicine 5,000 then 10 five minutes later: Critical, 0.1 days of cover, burn rate 'not enough data', 2 stars, needs attention")
    void indore() {
        send(report("i1", INDORE, minutes(-10), item(Commodity.MEDICINE, 5_000, 100)));
        send(report("i2", INDORE, minutes(-5), item(Commodity.MEDICINE, 10, 100)));
        read();

        ShortageStatus medicine = shortages.get(INDORE + "|medicine");
        assertThat(medicine.status()).isEqualTo(ShortageLevel.CRITICAL);
        assertThat(medicine.daysOfCover()).isEqualTo(0.1);
        assertThat(medicine.burnRatePerDay()).as("was 1,437,120 a day").isNull();
        assertThat(medicine.predictedStockOutAt()).as("was 'now'").isNull();
        DistrictRating rating = ratings.get(INDORE);
        assertThat(rating.stars()).as("was 5").isEqualTo(2);
        assertThat(rating.limitedBy()).isEqualTo("critical-shortage");
        assertThat(rating.needsAttention()).isTrue();
        assertThat(alerts).extracting(Alert::rule).contains("shortage-critical").doesNotContain("stockout-predicted");
    }

    @Test
    @DisplayName("a district that never reports, with citizen messages about gas: 'No report' (not stale), no stale alert, timeliness 100 %, but not top-rated: at most 4 stars ('no-report'), needs attention")
    void neverReports() {
        send(message("m1", DAMOH, minutes(-3), Commodity.LPG));
        send(message("m2", DAMOH, minutes(-2), Commodity.LPG));
        read();

        ShortageStatus lpg = shortages.get(DAMOH + "|lpg");
        assertThat(lpg.signalsLastHour()).isEqualTo(2);
        assertThat(lpg.stock()).isNull();
        assertThat(lpg.staleReport()).as("no report is not a stale report").isFalse();
        DistrictRating rating = ratings.get(DAMOH);
        assertThat(rating.commoditiesReported()).isZero();
        assertThat(rating.commoditiesStale()).isZero();
        assertThat(rating.reportTimeliness()).isEqualTo(1.0);
        // score 1.0 → 5 by the formula, capped at 4: a district the war room knows nothing of the stock of
        assertThat(rating).extracting(DistrictRating::score, DistrictRating::stars, DistrictRating::limitedBy,
                DistrictRating::needsAttention).containsExactly(1.0, 4, "no-report", true);
        assertThat(alerts).extracting(Alert::rule).doesNotContain("report-stale");
    }

    @Test
    @DisplayName("a late report (27 h old): Stale report on the map, 0 % timeliness in the rating, at most 4 stars")
    void lateReport() {
        send(report("b1", BHOPAL, Duration.ofHours(-27), item(Commodity.RATION, 500, 50)));
        read();

        ShortageStatus ration = shortages.get(BHOPAL + "|ration");
        assertThat(ration.status()).isEqualTo(ShortageLevel.STALE);
        assertThat(ration.staleReport()).isTrue();
        // 1 of 1 reported commodities stale → 0.0; score 0.4 + 0 + 0.3 = 0.7 → 1 + round(2.8) = 4; cap 4
        assertThat(ratings.get(BHOPAL)).extracting(DistrictRating::reportTimeliness, DistrictRating::stars,
                DistrictRating::limitedBy).containsExactly(0.0, 4, "stale-report");

        send(report("b2", BHOPAL, minutes(-1), item(Commodity.RATION, 450, 50))); // a fresh report: 9 days, OK
        read();
        assertThat(shortages.get(BHOPAL + "|ration").status()).isEqualTo(ShortageLevel.OK);
        assertThat(ratings.get(BHOPAL)).extracting(DistrictRating::reportTimeliness, DistrictRating::stars,
                DistrictRating::needsAttention).containsExactly(1.0, 5, false);
    }

    @Test
    @DisplayName("a reopened complaint (health, 1 h SLA) that stays open: 1 open, then 1 past its SLA and 3 stars")
    void reopenedComplaint() {
        send(ticket("s1", "t1", BHOPAL, "health", "health", TicketEventType.OPENED, minutes(-30)));
        send(ticket("s2", "t1", BHOPAL, "health", "health", TicketEventType.RESOLVED, minutes(-20)));
        send(ticket("s3", "t1", BHOPAL, "health", "health", TicketEventType.REOPENED, minutes(-10)));
        read();
        assertThat(backlogs.get(BHOPAL + "|health")).extracting(BacklogStatus::open, BacklogStatus::slaBreaches)
                .containsExactly(1, 0);
        // nothing past its SLA yet, but Bhopal has reported no stock in this scenario: at most 4 stars ("no-report")
        assertThat(ratings.get(BHOPAL)).extracting(DistrictRating::stars, DistrictRating::limitedBy)
                .containsExactly(4, "no-report");

        driver.advance(minutes(75), Duration.ofMinutes(1)); // reopened 85 min ago: past the 1 h SLA however counted
        read();
        assertThat(backlogs.get(BHOPAL + "|health")).extracting(BacklogStatus::open, BacklogStatus::slaBreaches)
                .containsExactly(1, 1);
        // 1 open, 1 breached → SLA compliance 0; score 0 + 0.3 + 0.3 = 0.6 → 1 + round(2.4) = 3; cap 3
        assertThat(ratings.get(BHOPAL)).extracting(DistrictRating::slaCompliance, DistrictRating::stars,
                DistrictRating::limitedBy).containsExactly(0.0, 3, "sla-breach");
    }

    @Test
    @DisplayName("line 104 (capacity 2) with 3 calls, one not answered: 3 / 2 on the wall, 1 waiting, load 150 %, line-load alert")
    void lineOverCapacity() {
        send(call("a", "c1", "104", CallEventType.STARTED, Duration.ofSeconds(-50)));
        send(call("b", "c2", "104", CallEventType.STARTED, Duration.ofSeconds(-40)));
        send(call("c", "c1", "104", CallEventType.ANSWERED, Duration.ofSeconds(-35)));
        send(call("d", "c2", "104", CallEventType.ANSWERED, Duration.ofSeconds(-30)));
        send(call("e", "c3", "104", CallEventType.STARTED, Duration.ofSeconds(-10)));
        read();

        LineLoad line = lines.get("104");
        assertThat(line).extracting(LineLoad::inProgress, LineLoad::capacity, LineLoad::waiting, LineLoad::load)
                .containsExactly(3, 2, 1, 1.5);
        assertThat(alerts).extracting(Alert::rule, Alert::subject).contains(org.assertj.core.groups.Tuple.tuple("line-load", "104"));
    }

    @Test
    @DisplayName("a worker moving twice (Bhopal → Indore → Damoh): counted once, in Damoh; 0 in Bhopal and Indore")
    void workerMovingTwice() {
        // one move a second apart: each is on screen before the next (pending deltas are sent on a 250 ms punctuation)
        send(worker("w1", BHOPAL, List.of("mason"), WorkerStatus.WORKING, "23", BHOPAL, null));
        driver.advance(Duration.ofSeconds(1));
        send(worker("w1", BHOPAL, List.of("mason"), WorkerStatus.WORKING, "23", INDORE, null));
        driver.advance(Duration.ofSeconds(1));
        send(worker("w1", BHOPAL, List.of("mason"), WorkerStatus.WORKING, "23", DAMOH, null));
        driver.advance(Duration.ofSeconds(1));
        read();

        assertThat(buckets.get("currentDistrict|" + BHOPAL).count()).isZero();
        assertThat(buckets.get("currentDistrict|" + INDORE).count()).isZero();
        assertThat(buckets.get("currentDistrict|" + DAMOH).count()).isEqualTo(1);
        assertThat(buckets.get("homeDistrict|" + BHOPAL).count()).isEqualTo(1);
    }
}
