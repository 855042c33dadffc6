package org.warroom.streams.shortage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.streams.Events.BHOPAL;
import static org.warroom.streams.Events.at;
import static org.warroom.streams.Events.hours;
import static org.warroom.streams.Events.instant;
import static org.warroom.streams.Events.item;
import static org.warroom.streams.Events.message;
import static org.warroom.streams.Events.minutes;
import static org.warroom.streams.Events.report;
import static org.warroom.streams.Events.ticket;

import java.time.Duration;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.event.CitizenMessage;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.event.DeadLetter;
import org.warroom.contracts.event.DistrictReport;
import org.warroom.contracts.event.TicketEventType;
import org.warroom.contracts.event.TicketStep;
import org.warroom.contracts.result.ShortageLevel;
import org.warroom.contracts.result.ShortageStatus;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.contracts.topic.Topics;
import org.warroom.streams.TestDriver;

class ShortageTopologyTest {
    private static final String MEDICINE = "396|medicine";

    private TestDriver driver;
    private TestInputTopic<String, DistrictReport> reports;
    private TestInputTopic<String, CitizenMessage> messages;
    private TestInputTopic<String, TicketStep> tickets;
    private TestOutputTopic<String, ShortageStatus> shortages;

    @BeforeEach
    void start() {
        driver = TestDriver.of(sources -> ShortageTopology.build(sources, TestDriver.rules()));
        reports = driver.input(Topics.REPORTS);
        messages = driver.input(Topics.MESSAGES);
        tickets = driver.input(Topics.TICKETS);
        shortages = driver.output(ResultTopics.SHORTAGES);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void send(DistrictReport report) {
        reports.pipeInput(report.district(), report, report.at().toInstant());
    }

    private static ShortageStatus status(Commodity commodity, double stock, double need, Double days, ShortageLevel level,
                                         int signals, Duration asOf, Double burn, Duration stockOut, String reportId) {
        return new ShortageStatus(BHOPAL, commodity, stock, need, days, level, signals, at(asOf), null, "units", burn,
                stockOut == null ? null : at(stockOut), reportId);
    }

    @Test
    void shouldRateEachCommodityByItsOwnThresholds() {
        send(report("r1", BHOPAL, minutes(-10),
                item(Commodity.MEDICINE, 20, 10),   // 2 days < 3 → CRITICAL
                item(Commodity.RATION, 40, 10),     // 4 days < 5 → LOW
                item(Commodity.WATER, 30, 10)));    // 3 days ≥ 2 → OK

        assertThat(shortages.readKeyValuesToList()).containsExactly(
                KeyValue.pair(MEDICINE, status(Commodity.MEDICINE, 20, 10, 2.0, ShortageLevel.CRITICAL, 0,
                        minutes(-10), null, null, "r1")),
                KeyValue.pair("396|ration", status(Commodity.RATION, 40, 10, 4.0, ShortageLevel.LOW, 0,
                        minutes(-10), null, null, "r1")),
                KeyValue.pair("396|water", status(Commodity.WATER, 30, 10, 3.0, ShortageLevel.OK, 0,
                        minutes(-10), null, null, "r1")));
        assertThat(shortages.isEmpty()).isTrue();
    }

    @Test
    void shouldNotOverwriteNewerStockWithLateReport() {
        send(report("new", BHOPAL, minutes(-10), item(Commodity.MEDICINE, 100, 10)));
        send(report("old", BHOPAL, minutes(-70), item(Commodity.MEDICINE, 5, 10)));
        send(report("same-time", BHOPAL, minutes(-10), item(Commodity.MEDICINE, 1, 10)));

        assertThat(shortages.readValuesToList()).extracting(ShortageStatus::reportId, ShortageStatus::stock)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("new", 100.0));
        assertThat(shortages.isEmpty()).isTrue();
        StockState kept = driver.<StockState>store(ShortageTopology.STOCK_STORE).get(MEDICINE);
        assertThat(kept.reportId()).isEqualTo("new");
        assertThat(kept.stock()).isEqualTo(100.0);
    }

    @Test
    void shouldTreatZeroDailyNeedAsUnbounded() {
        send(report("r1", BHOPAL, minutes(-10), item(Commodity.MEDICINE, 0, 0)));

        assertThat(shortages.readValue()).isEqualTo(
                status(Commodity.MEDICINE, 0, 0, null, ShortageLevel.OK, 0, minutes(-10), null, null, "r1"));
        assertThat(shortages.isEmpty()).isTrue();
    }

    @Test
    void shouldPredictStockOutFromBurnRateNetOfArrivals() {
        send(report("r1", BHOPAL, hours(-48), item(Commodity.RATION, 160, 10, 50)));
        send(report("r2", BHOPAL, hours(-24), item(Commodity.RATION, 100, 10, 50)));   // 60 consumed
        assertThat(shortages.readValuesToList()).as("two reports: not enough data, no prediction")
                .extracting(ShortageStatus::burnRatePerDay, ShortageStatus::predictedStockOutAt)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(null, null));
        // 50 arrived from transit, 90 left: 100 + 50 − 90 = 60 consumed; 120 in two days = 60 a day; 90 ÷ 60 = 1.5 days
        send(report("r3", BHOPAL, Duration.ZERO, item(Commodity.RATION, 90, 10, 0)));

        ShortageStatus now = shortages.readValue();
        assertThat(now.burnRatePerDay()).isEqualTo(60.0);
        assertThat(now.predictedStockOutAt()).isEqualTo(at(hours(36)));
        assertThat(now.daysOfCover()).isEqualTo(9.0);
        assertThat(now.status()).isEqualTo(ShortageLevel.OK);
        assertThat(now.inTransit()).isEqualTo(0.0);
        assertThat(shortages.isEmpty()).isTrue();
    }

    @Test
    void shouldStartTheBurnWindowAgainWhenStockGrewWithoutArrivals() {
        send(report("r1", BHOPAL, hours(-48), item(Commodity.RATION, 100, 10)));
        send(report("r2", BHOPAL, hours(-24), item(Commodity.RATION, 150, 10))); // an unreported delivery
        send(report("r3", BHOPAL, Duration.ZERO, item(Commodity.RATION, 140, 10)));

        assertThat(shortages.readValuesToList()).extracting(ShortageStatus::burnRatePerDay, ShortageStatus::predictedStockOutAt)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(null, null));
        assertThat(driver.<StockState>store(ShortageTopology.STOCK_STORE).get("396|ration").history())
                .extracting(StockState.Point::stock).containsExactly(150.0, 140.0);
    }

    @Test
    void shouldNotExtrapolateTwoReportsMinutesApartToADay() {
        // Issue 18: Indore's medicine "29,42,270.3 per day" and a stock-out "now" from two reports minutes apart.
        // Before: (5,000 − 10) in 5 min = 1,437,120 a day. Now: not enough data, no prediction.
        send(report("r1", BHOPAL, minutes(-10), item(Commodity.MEDICINE, 5_000, 100)));
        send(report("r2", BHOPAL, minutes(-5), item(Commodity.MEDICINE, 10, 100)));

        ShortageStatus medicine = shortages.readValuesToList().get(1);
        assertThat(medicine.burnRatePerDay()).isNull();
        assertThat(medicine.predictedStockOutAt()).isNull();
        assertThat(medicine.status()).isEqualTo(ShortageLevel.CRITICAL);
        assertThat(medicine.daysOfCover()).isEqualTo(0.1);
    }

    @Test
    void shouldNotLetResentOrCorrectedReportsExplodeTheBurnRate() {
        send(report("a", BHOPAL, hours(-60), item(Commodity.MEDICINE, 1_000, 100)));
        send(report("typo", BHOPAL, hours(-49), item(Commodity.MEDICINE, 10, 100)));
        send(report("fix", BHOPAL, hours(-48), item(Commodity.MEDICINE, 990, 100)));      // correction: start again
        send(report("d", BHOPAL, hours(-24), item(Commodity.MEDICINE, 890, 100)));
        send(report("d-again", BHOPAL, minutes(-24 * 60 + 2), item(Commodity.MEDICINE, 890, 100))); // re-sent
        send(report("e", BHOPAL, Duration.ZERO, item(Commodity.MEDICINE, 790, 100)));

        ShortageStatus medicine = shortages.readKeyValuesToMap().get(MEDICINE);
        // 990 → 890 → 790 over 48 h: 100 a day (before: the typo alone made 990 in 11 h = 2,160 a day)
        assertThat(medicine.burnRatePerDay()).isEqualTo(100.0);
        assertThat(medicine.predictedStockOutAt()).isEqualTo(at(Duration.ofMinutes(Math.round(7.9 * 24 * 60))));
        assertThat(driver.<StockState>store(ShortageTopology.STOCK_STORE).get(MEDICINE).history())
                .extracting(StockState.Point::stock).containsExactly(990.0, 890.0, 790.0);
    }

    @Test
    void shouldMarkReportStale() {
        send(report("r1", BHOPAL, hours(-25), item(Commodity.MEDICINE, 100, 10)));
        assertThat(shortages.readValue().status()).isEqualTo(ShortageLevel.OK);

        driver.advance(minutes(59), Duration.ofSeconds(5));
        assertThat(shortages.isEmpty()).as("25 h 59 min old: not stale yet").isTrue();

        driver.advance(minutes(2), Duration.ofSeconds(5));
        ShortageStatus stale = shortages.readValue();
        assertThat(stale.status()).isEqualTo(ShortageLevel.STALE);
        assertThat(stale.stock()).isEqualTo(100.0);
        assertThat(shortages.isEmpty()).as("stale once, not on every punctuation").isTrue();

        send(report("r2", BHOPAL, minutes(60), item(Commodity.MEDICINE, 90, 10)));
        assertThat(shortages.readValue().status()).isEqualTo(ShortageLevel.OK);
        assertThat(shortages.isEmpty()).isTrue();
    }

    @Test
    void shouldCountCitizenSignalsOfTheLastHourExactly() {
        send(report("r1", BHOPAL, minutes(-5), item(Commodity.MEDICINE, 100, 10)));
        shortages.readValue();

        messages.pipeInput("m1", message("m1", BHOPAL, minutes(-50), Commodity.MEDICINE));
        messages.pipeInput("m1", message("m1", BHOPAL, minutes(-50), Commodity.MEDICINE)); // duplicate
        messages.pipeInput("m2", message("m2", BHOPAL, minutes(-10), Commodity.MEDICINE, Commodity.MILK));
        messages.pipeInput("m3", message("m3", null, minutes(-10), Commodity.MEDICINE)); // no district
        messages.pipeInput("m4", message("m4", BHOPAL, minutes(-61), Commodity.MEDICINE)); // already outside the hour
        tickets.pipeInput("t1", ticket("s1", "t1", BHOPAL, "health", "medicine", TicketEventType.OPENED, minutes(-5)));
        tickets.pipeInput("t1", ticket("s2", "t1", BHOPAL, "health", "medicine", TicketEventType.RESOLVED, minutes(-4)));
        tickets.pipeInput("t1", ticket("s3", "t1", BHOPAL, "health", "medicine", TicketEventType.REOPENED, minutes(-3)));

        assertThat(shortages.readValuesToList()).extracting(s -> s.commodity().wire() + "=" + s.signalsLastHour())
                .containsExactly("medicine=1", "medicine=2", "milk=1", "medicine=3");
        assertThat(driver.<Long>store(ShortageTopology.SIGNALS + "-counts").get(MEDICINE)).isEqualTo(3L);

        // m1 (at −50 min) leaves the hour 10 minutes later
        driver.advance(minutes(10), Duration.ofSeconds(5));
        assertThat(shortages.readValuesToList()).extracting(s -> s.commodity().wire() + "=" + s.signalsLastHour())
                .containsExactly("medicine=2");
        driver.advance(minutes(60), Duration.ofMinutes(1));
        assertThat(shortages.readValuesToList()).extracting(s -> s.commodity().wire() + "=" + s.signalsLastHour())
                .containsExactly("medicine=1", "milk=0", "medicine=0");
        assertThat(shortages.isEmpty()).isTrue();
        assertThat(driver.<Long>store(ShortageTopology.SIGNALS + "-counts").get(MEDICINE)).isNull();
    }

    @Test
    void shouldCountAPlacedMessageForItsDistrictExactlyOnce() {
        CitizenMessage unplaced = message("u1", null, minutes(-20), Commodity.MEDICINE);
        messages.pipeInput("u1", unplaced);
        assertThat(shortages.isEmpty()).as("an unplaced message counts for no district").isTrue();

        messages.pipeInput("u1", unplaced.placedIn(BHOPAL)); // an operator placed it (triage)
        messages.pipeInput("u1", unplaced.placedIn(BHOPAL)); // the same placement delivered twice
        messages.pipeInput("u1", unplaced); // a late copy of the unplaced message

        assertThat(shortages.readValuesToList()).extracting(s -> s.district() + ":" + s.commodity().wire() + "="
                + s.signalsLastHour()).containsExactly(BHOPAL + ":medicine=1");
        assertThat(driver.<Long>store(ShortageTopology.SIGNALS + "-counts").get(MEDICINE)).isEqualTo(1L);
    }

    @Test
    void shouldShowSignalsForACommodityNeverReported() {
        messages.pipeInput("m1", message("m1", BHOPAL, minutes(-1), Commodity.LPG));

        assertThat(shortages.readKeyValue()).isEqualTo(KeyValue.pair("396|lpg", new ShortageStatus(BHOPAL, Commodity.LPG,
                null, null, null, ShortageLevel.STALE, 1, null, null, null, null, null, null)));
        assertThat(shortages.isEmpty()).isTrue();
    }

    @Test
    void shouldSendUnreadableReportToDeadLetterAndGoOn() {
        driver.rawInput(Topics.REPORTS).pipeInput(BHOPAL, "{not json", instant(Duration.ZERO));
        send(report("r1", BHOPAL, minutes(-1), item(Commodity.MEDICINE, 100, 10)));

        DeadLetter letter = driver.output(Topics.DEAD_LETTER).readValue();
        assertThat(letter.feed()).isEqualTo(Topics.REPORTS.name());
        assertThat(letter.stage()).isEqualTo("streams");
        assertThat(letter.raw()).isEqualTo("{not json");
        assertThat(letter.reason()).contains("DistrictReport");
        assertThat(shortages.readValue().reportId()).isEqualTo("r1");
    }
}
