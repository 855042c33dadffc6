package org.warroom.streams.shortage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.streams.Events.BHOPAL;
import static org.warroom.streams.Events.hours;
import static org.warroom.streams.Events.item;
import static org.warroom.streams.Events.minutes;
import static org.warroom.streams.Events.report;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.event.DistrictReport;
import org.warroom.contracts.result.Alert;
import org.warroom.contracts.result.ShortageStatus;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.contracts.topic.Topics;
import org.warroom.streams.TestDriver;
import org.warroom.streams.WarroomTopology;
import org.warroom.streams.workers.BucketNames;

/**
 * Issue 19, defect 3: milk reports over a day (3,700 → 1,900 → 100, daily need 800) burn 3,600 a day, so the
 * 100 left last 40 minutes (two reports 20 minutes apart used to be enough for a rate: issue 18 says they are not). A stock-out is never predicted at a time already past, an alert never says it runs out
 * in a negative time or in "−0.0 h", and milk that has run out by now is out of stock.
 */
class StockOutPredictionTest {
    private static final String MILK = "396|milk";

    private TestDriver driver;
    private TestOutputTopic<String, ShortageStatus> shortages;
    private TestOutputTopic<String, Alert> alerts;

    @BeforeEach
    void start() {
        driver = TestDriver.of(sources -> WarroomTopology.build(sources.builder(),
                TestDriver.rules(Map.of("streams.punctuate.interval", "1m")), BucketNames.none()));
        shortages = driver.output(ResultTopics.SHORTAGES);
        alerts = driver.output(ResultTopics.ALERTS);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void send(DistrictReport report) {
        driver.input(Topics.REPORTS).pipeInput(report.district(), report, report.at().toInstant());
    }

    private List<Alert> stockOutAlerts() {
        return alerts.readValuesToList().stream().filter(a -> a.rule().equals("stockout-predicted")).toList();
    }

    private static void assertNeverNegative(List<Alert> alerts) {
        assertThat(alerts).allSatisfy(a -> {
            assertThat(a.value()).as(a.message()).isGreaterThanOrEqualTo(0.0);
            assertThat(a.message()).doesNotContain("-").doesNotContain("−").doesNotContain(" 0.0 h");
        });
    }

    @Test
    @DisplayName("reports 25, 13 and 1 hours ago: milk ran out 20 minutes ago, so it is out of stock, not 'runs out in −0.3 h'")
    void ranOutBeforeNow() {
        send(report("r0", BHOPAL, hours(-25), item(Commodity.MILK, 3_700, 800)));
        send(report("r1", BHOPAL, hours(-13), item(Commodity.MILK, 1_900, 800)));
        send(report("r2", BHOPAL, hours(-1), item(Commodity.MILK, 100, 800)));

        List<ShortageStatus> statuses = shortages.readKeyValuesToMap().entrySet().stream()
                .filter(e -> e.getKey().equals(MILK)).map(Map.Entry::getValue).toList();
        ShortageStatus milk = statuses.get(statuses.size() - 1);
        assertThat(milk.burnRatePerDay()).isEqualTo(3_600.0);
        assertThat(milk.predictedStockOutAt().toInstant()).as("never a time already past")
                .isAfterOrEqualTo(driver.now());

        List<Alert> raised = stockOutAlerts();
        assertThat(raised).hasSize(1);
        assertNeverNegative(raised);
        assertThat(raised.get(0).value()).isEqualTo(0.0);
        assertThat(raised.get(0).message()).isEqualTo("Milk in Bhopal is out of stock at its rate of use (alert below 24 h)");

        driver.advance(minutes(10), Duration.ofMinutes(1));
        assertThat(shortages.readValuesToList()).as("nothing new to say while the figures stand")
                .noneMatch(s -> s.commodity() == Commodity.MILK);
        assertNeverNegative(stockOutAlerts());
    }

    @Test
    @DisplayName("reports 24 and 12 hours ago and now: milk runs out in 40 minutes, then is out of stock, never −0.0 h")
    void runsOutSoonThenIsOut() {
        send(report("r0", BHOPAL, hours(-24), item(Commodity.MILK, 3_700, 800)));
        send(report("r1", BHOPAL, hours(-12), item(Commodity.MILK, 1_900, 800)));
        send(report("r2", BHOPAL, Duration.ZERO, item(Commodity.MILK, 100, 800)));

        ShortageStatus milk = shortages.readKeyValuesToMap().get(MILK);
        assertThat(milk.predictedStockOutAt().toInstant()).isEqualTo(driver.now().plus(minutes(40)));
        List<Alert> raised = stockOutAlerts();
        assertThat(raised).singleElement().satisfies(a ->
                assertThat(a.message()).isEqualTo("Milk in Bhopal runs out in 40 min at the present rate (alert below 24 h)"));

        // The alert is re-evaluated every minute by the wall clock, past the predicted stock-out and on.
        driver.advance(minutes(60), Duration.ofMinutes(1));
        List<Alert> later = stockOutAlerts();
        assertNeverNegative(later);
        assertThat(later).isNotEmpty();
        assertThat(later.get(later.size() - 1).message()).isEqualTo(
                "Milk in Bhopal is out of stock at its rate of use (alert below 24 h)");
    }

    @Test
    @DisplayName("reports 20 minutes apart: not enough data for a burn rate, so no stock-out is predicted")
    void twoReportsMinutesApartPredictNothing() {
        send(report("r1", BHOPAL, minutes(-20), item(Commodity.MILK, 1_200, 800)));
        send(report("r2", BHOPAL, Duration.ZERO, item(Commodity.MILK, 400, 800)));

        ShortageStatus milk = shortages.readKeyValuesToMap().get(MILK);
        assertThat(milk.burnRatePerDay()).as("was 57,600 a day").isNull();
        assertThat(milk.predictedStockOutAt()).as("was 'runs out in 10 min'").isNull();
        assertThat(stockOutAlerts()).isEmpty();
    }
}
