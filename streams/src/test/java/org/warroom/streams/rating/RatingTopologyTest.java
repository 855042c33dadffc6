package org.warroom.streams.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.streams.Events.BHOPAL;
import static org.warroom.streams.Events.at;
import static org.warroom.streams.Events.hours;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.result.BacklogStatus;
import org.warroom.contracts.result.DistrictRating;
import org.warroom.contracts.result.ShortageLevel;
import org.warroom.contracts.result.ShortageStatus;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.streams.TestDriver;

class RatingTopologyTest {
    private TestDriver driver;
    private TestInputTopic<String, ShortageStatus> shortages;
    private TestInputTopic<String, BacklogStatus> backlogs;
    private TestOutputTopic<String, DistrictRating> ratings;

    @BeforeEach
    void start() {
        driver = TestDriver.of(sources -> RatingTopology.build(sources,
                TestDriver.rules(Map.of("streams.punctuate.interval", "1h")),
                sources.stream(ResultTopics.SHORTAGES), sources.stream(ResultTopics.BACKLOGS)));
        shortages = driver.input(ResultTopics.SHORTAGES);
        backlogs = driver.input(ResultTopics.BACKLOGS);
        ratings = driver.output(ResultTopics.RATINGS);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void shortage(Commodity commodity, ShortageLevel level, Duration asOf) {
        ShortageStatus s = new ShortageStatus(BHOPAL, commodity, 10.0, 1.0, 10.0, level, 0, at(asOf), null, null,
                null, null, "r");
        shortages.pipeInput(s.key(), s, driver.now());
    }

    private void backlog(String department, int open, int breaches) {
        BacklogStatus b = new BacklogStatus(BHOPAL, department, open, null, breaches, 0, 0, 0);
        backlogs.pipeInput(b.key(), b, driver.now());
    }

    @Test
    void shouldGiveFiveStarsWhenNothingIsWrong() {
        shortage(Commodity.MEDICINE, ShortageLevel.OK, hours(-1));
        backlog("health", 2, 0);

        assertThat(ratings.readValuesToList()).containsExactly(
                new DistrictRating(BHOPAL, 5, 1.0, 1.0, 1.0, 1.0, null, 0, 0, 1, 0, 0),
                new DistrictRating(BHOPAL, 5, 1.0, 1.0, 1.0, 1.0, null, 2, 0, 1, 0, 0));
        assertThat(ratings.isEmpty()).isTrue();
    }

    @Test
    void shouldRateFromSlaComplianceTimelinessAndResolution() {
        backlog("health", 3, 2);
        backlog("food", 1, 0);                                   // 4 open, 2 breaches → 0.5
        shortage(Commodity.MEDICINE, ShortageLevel.OK, hours(-1));
        shortage(Commodity.RATION, ShortageLevel.STALE, hours(-30)); // 1 of 3 stale → 0.67
        shortage(Commodity.MILK, ShortageLevel.LOW, hours(-40));
        shortage(Commodity.MILK, ShortageLevel.CRITICAL, hours(-20));
        shortage(Commodity.MILK, ShortageLevel.OK, hours(-4));   // one episode of 36 h → 1 − 36/72 = 0.5

        assertThat(ratings.readKeyValuesToMap().get(BHOPAL)).isEqualTo(
                new DistrictRating(BHOPAL, 3, 0.55, 0.5, 0.67, 0.5, 36.0, 4, 2, 3, 1, 1));
        assertThat(driver.<DistrictRating>store(RatingTopology.RESULT_STORE).get(BHOPAL).stars()).isEqualTo(3);
    }

    @Test
    void shouldAgeOngoingShortageByWallClock() {
        shortage(Commodity.RATION, ShortageLevel.LOW, hours(-36));
        assertThat(ratings.readValue()).isEqualTo(new DistrictRating(BHOPAL, 4, 0.85, 1.0, 1.0, 0.5, 36.0, 0, 0, 1, 0, 1));

        driver.advance(hours(36));
        assertThat(ratings.readValue()).isEqualTo(new DistrictRating(BHOPAL, 4, 0.7, 1.0, 1.0, 0.0, 72.0, 0, 0, 1, 0, 1));
        assertThat(ratings.isEmpty()).isTrue();
    }

    @Test
    void shouldComputeStarsByTheDocumentedFormula() {
        var weights = TestDriver.rules().rating();
        assertThat(RatingTopology.rate("1", weights, 0, 0, 0, 0, 0, null).stars()).isEqualTo(5);
        assertThat(RatingTopology.rate("1", weights, 10, 10, 4, 4, 2, 100.0).stars()).isEqualTo(1);
        assertThat(RatingTopology.rate("1", weights, 10, 5, 4, 0, 1, 72.0).score()).isEqualTo(0.5);
    }
}
