package org.warroom.streams.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.streams.Events.BHOPAL;
import static org.warroom.streams.Events.at;
import static org.warroom.streams.Events.hours;
import static org.warroom.streams.Events.minutes;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.complaint.ActionRequest;
import org.warroom.contracts.complaint.Complaint;
import org.warroom.contracts.complaint.ComplaintAction;
import org.warroom.contracts.complaint.ComplaintChannel;
import org.warroom.contracts.complaint.ComplaintLifecycle;
import org.warroom.contracts.complaint.ComplaintNumber;
import org.warroom.contracts.complaint.ComplaintSla;
import org.warroom.contracts.complaint.ComplaintTopics;
import org.warroom.contracts.complaint.Registration;
import org.warroom.contracts.directive.Directive;
import org.warroom.contracts.directive.DirectiveAction;
import org.warroom.contracts.directive.DirectiveLifecycle;
import org.warroom.contracts.directive.DirectiveOrder;
import org.warroom.contracts.directive.DirectiveRequest;
import org.warroom.contracts.directive.DirectiveTopics;
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
                new DistrictRating(BHOPAL, 5, 1.0, 1.0, 1.0, 1.0, null, 0, 0, 1, 0, 0, 0, 0, 5, null, false),
                new DistrictRating(BHOPAL, 5, 1.0, 1.0, 1.0, 1.0, null, 2, 0, 1, 0, 0, 0, 0, 5, null, false));
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
                new DistrictRating(BHOPAL, 3, 0.55, 0.5, 0.67, 0.5, 36.0, 4, 2, 3, 1, 1, 0, 0, 3,
                        DistrictRating.LIMITED_BY_BREACH, true));
        assertThat(driver.<DistrictRating>store(RatingTopology.RESULT_STORE).get(BHOPAL).stars()).isEqualTo(3);
    }

    @Test
    void shouldAgeOngoingShortageByWallClock() {
        shortage(Commodity.RATION, ShortageLevel.LOW, hours(-36));
        assertThat(ratings.readValue()).isEqualTo(new DistrictRating(BHOPAL, 4, 0.85, 1.0, 1.0, 0.5, 36.0, 0, 0, 1, 0, 1,
                0, 1, 4, DistrictRating.LIMITED_BY_LOW, true));

        driver.advance(hours(36));
        assertThat(ratings.readValue()).isEqualTo(new DistrictRating(BHOPAL, 4, 0.7, 1.0, 1.0, 0.0, 72.0, 0, 0, 1, 0, 1,
                0, 1, 4, DistrictRating.LIMITED_BY_LOW, true));
        assertThat(ratings.isEmpty()).isTrue();
    }

    @Test
    @DisplayName("a district that has reported no commodity (complaints or messages only) is capped at 4 stars: 'no-report'")
    void shouldNotRateADistrictWithoutAnyReportAsTopRated() {
        var weights = TestDriver.rules().rating();
        DistrictRating none = RatingTopology.rate("1", weights, 2, 0, 0, 0, 0, null);
        assertThat(none).extracting(DistrictRating::score, DistrictRating::stars, DistrictRating::maxStars,
                DistrictRating::limitedBy, DistrictRating::needsAttention).containsExactly(1.0, 4, 4, "no-report", true);
        // a breached SLA is the stricter cap
        assertThat(RatingTopology.rate("1", weights, 2, 1, 0, 0, 0, null).limitedBy()).isEqualTo("sla-breach");
    }

    @Test
    void shouldComputeStarsByTheDocumentedFormula() {
        var weights = TestDriver.rules().rating();
        assertThat(RatingTopology.rate("1", weights, 0, 0, 1, 0, 0, null).stars()).isEqualTo(5);
        assertThat(RatingTopology.rate("1", weights, 10, 10, 4, 4, 2, 100.0).stars()).isEqualTo(1);
        assertThat(RatingTopology.rate("1", weights, 10, 5, 4, 0, 1, 72.0).score()).isEqualTo(0.5);
    }

    @Test
    void shouldNotRateADistrictWithACriticalShortageNowAsTopRated() {
        // Issue 18: Indore had five stars while its medicine was CRITICAL since ten minutes (its record was spotless:
        // a ten-minute episode costs 0.17 h of 72 h). Score 1.0 → 5 stars by the record; at most 2 stars now.
        shortage(Commodity.MILK, ShortageLevel.OK, hours(-1));
        shortage(Commodity.MEDICINE, ShortageLevel.CRITICAL, minutes(-10));

        DistrictRating rating = ratings.readKeyValuesToMap().get(BHOPAL);
        assertThat(rating).isEqualTo(new DistrictRating(BHOPAL, 2, 1.0, 1.0, 1.0, 1.0, 0.2, 0, 0, 2, 0, 1, 1, 0, 2,
                DistrictRating.LIMITED_BY_CRITICAL, true));

        shortage(Commodity.MEDICINE, ShortageLevel.OK, minutes(-5)); // resolved: the record is good, so 5 stars again
        assertThat(ratings.readValue()).isEqualTo(new DistrictRating(BHOPAL, 5, 1.0, 1.0, 1.0, 1.0, 0.1, 0, 0, 2, 0, 1,
                0, 0, 5, null, false));
    }

    @Test
    void shouldNotRateADistrictWithAnSlaBreachNowAsTopRated() {
        backlog("health", 20, 1); // 19 of 20 within SLA → 0.95, score 0.98 → 5 stars by the formula; 3 at most now
        assertThat(ratings.readValue()).isEqualTo(new DistrictRating(BHOPAL, 3, 0.98, 0.95, 1.0, 1.0, null, 20, 1, 0, 0,
                0, 0, 0, 3, DistrictRating.LIMITED_BY_BREACH, true));
    }

    @Test
    void shouldListDistrictsNeedingAttentionWorstFirst() {
        var w = TestDriver.rules().rating();
        DistrictRating fine = RatingTopology.rate("fine", w, 5, 0, 3, 0, 0, null, 0, 0);
        DistrictRating low = RatingTopology.rate("low", w, 5, 0, 3, 0, 1, 2.0, 0, 1);
        DistrictRating breach = RatingTopology.rate("breach", w, 5, 1, 3, 0, 0, null, 0, 0);
        DistrictRating critical = RatingTopology.rate("critical", w, 0, 0, 3, 0, 1, 0.2, 1, 0);
        DistrictRating twoCritical = RatingTopology.rate("two-critical", w, 0, 0, 3, 0, 2, 0.2, 2, 0);
        DistrictRating stale = RatingTopology.rate("stale", w, 0, 0, 3, 1, 0, null, 0, 0);

        assertThat(java.util.stream.Stream.of(fine, low, breach, critical, twoCritical, stale)
                .filter(DistrictRating::needsAttention).sorted(DistrictRating.WORST_FIRST).map(DistrictRating::district))
                .containsExactly("two-critical", "critical", "breach", "low", "stale");
        assertThat(java.util.stream.Stream.of(fine, low, breach, critical, twoCritical, stale).map(DistrictRating::stars))
                .containsExactly(5, 4, 3, 2, 2, 4);
    }

    @Test
    @DisplayName("an overdue directive caps the district at 3 stars; 'directives on time' = (due − late) ÷ due")
    void shouldCountDirectivesInTheRating() {
        DirectiveLifecycle lifecycle = new DirectiveLifecycle();
        TestInputTopic<String, Directive> directives = driver.input(DirectiveTopics.DIRECTIVES);
        shortage(Commodity.MEDICINE, ShortageLevel.OK, hours(-1));   // a spotless record: score 1.0, 5 stars
        Directive kits = lifecycle.issue("D-1", new DirectiveOrder(BHOPAL, null, "send 200 medicine kits",
                at(hours(2)), null, null, null), "op1", at(minutes(0)));
        directives.pipeInput(kits.id(), kits, driver.now());
        Directive camp = lifecycle.issue("D-2", new DirectiveOrder(BHOPAL, "Health", "open a camp",
                at(hours(5)), null, null, null), "op1", at(minutes(0)));
        directives.pipeInput(camp.id(), camp, driver.now());
        assertThat(ratings.readValuesToList()).last().isEqualTo(new DistrictRating(BHOPAL, 5, 1.0, 1.0, 1.0, 1.0, null,
                0, 0, 1, 0, 0, 0, 0, 5, null, false, 0, 0, 0, 1.0)); // nothing due yet: on time 1

        driver.advance(hours(3));                                     // D-1 is 1 h past its deadline
        assertThat(ratings.readValue()).isEqualTo(new DistrictRating(BHOPAL, 3, 1.0, 1.0, 1.0, 1.0, null,
                0, 0, 1, 0, 0, 0, 0, 3, DistrictRating.LIMITED_BY_OVERDUE_DIRECTIVE, true, 1, 1, 1, 0.0));

        camp = lifecycle.act(camp, new DirectiveRequest(DirectiveAction.CLOSE, "camp open", 1), "officer", at(hours(3)));
        directives.pipeInput(camp.id(), camp, driver.now());          // closed before its deadline: due 2, late 1
        assertThat(ratings.readValue()).isEqualTo(new DistrictRating(BHOPAL, 3, 1.0, 1.0, 1.0, 1.0, null,
                0, 0, 1, 0, 0, 0, 0, 3, DistrictRating.LIMITED_BY_OVERDUE_DIRECTIVE, true, 1, 2, 1, 0.5));

        kits = lifecycle.act(kits, new DirectiveRequest(DirectiveAction.CLOSE, "kits delivered", 1), "cmdr",
                at(hours(3)));
        directives.pipeInput(kits.id(), kits, driver.now());          // closed late: no cap now, but late on the record
        assertThat(ratings.readValue()).isEqualTo(new DistrictRating(BHOPAL, 5, 1.0, 1.0, 1.0, 1.0, null,
                0, 0, 1, 0, 0, 0, 0, 5, null, false, 0, 2, 1, 0.5));
        assertThat(ratings.isEmpty()).isTrue();
    }

    @Test
    @DisplayName("citizen satisfaction: the mean of the district's complaint ratings, (mean − 1) ÷ 4, shown but not in the score")
    void shouldShowCitizenSatisfaction() {
        TestInputTopic<String, Complaint> complaints = driver.input(ComplaintTopics.COMPLAINTS);
        ComplaintLifecycle lifecycle = new ComplaintLifecycle(ComplaintSla.defaults());
        shortage(Commodity.MEDICINE, ShortageLevel.OK, hours(-1));   // a spotless record: score 1.0, 5 stars
        DistrictRating before = ratings.readValuesToList().get(0);
        assertThat(before.citizenRatings()).isZero();
        assertThat(before.citizenSatisfaction()).isNull();

        Complaint first = resolved(lifecycle, 1);
        complaints.pipeInput(first.number(), first, driver.now());
        assertThat(ratings.isEmpty()).as("an unrated complaint changes nothing").isTrue();
        complaints.pipeInput(first.number(), rate(lifecycle, first, "5"), driver.now());
        Complaint second = rate(lifecycle, resolved(lifecycle, 2), "2");
        complaints.pipeInput(second.number(), second, driver.now());
        DistrictRating now = ratings.readValuesToList().get(1);
        assertThat(now).extracting(DistrictRating::citizenRatings, DistrictRating::citizenRatingMean,
                DistrictRating::citizenSatisfaction).containsExactly(2, 3.5, 0.63);
        assertThat(now).extracting(DistrictRating::stars, DistrictRating::score).as("not in the score")
                .containsExactly(5, 1.0);
        complaints.pipeInput(second.number(), rate(lifecycle, first, "5"), driver.now()); // the same record again
        assertThat(ratings.isEmpty()).isTrue();
        assertThat(RatingTopology.rate(BHOPAL, TestDriver.rules().rating(), 0, 0, 1, 0, 0, null, 0, 0, 0, 0, 0, 2, 7))
                .isEqualTo(now);
    }

    private static Complaint resolved(ComplaintLifecycle lifecycle, long sequence) {
        Complaint c = lifecycle.register(new ComplaintNumber("MP", BHOPAL, sequence), new Registration("+919876543210",
                null, BHOPAL, "ration", null, "no ration", ComplaintChannel.SMS, "en", null, null),
                "Food and Civil Supplies", "agent", at(minutes(0)));
        return lifecycle.act(c, new ActionRequest(ComplaintAction.RESOLVE, "delivered", null, null, 1), "officer",
                at(minutes(30)));
    }

    private static Complaint rate(ComplaintLifecycle lifecycle, Complaint c, String stars) {
        return lifecycle.act(c, new ActionRequest(ComplaintAction.RATE, null, null, null, c.version(), stars),
                "citizen", at(minutes(40)));
    }

    @Test
    void shouldRankAnOverdueDirectiveBelowAnSlaBreachAndAboveALowShortage() {
        var w = TestDriver.rules().rating();
        DistrictRating breach = RatingTopology.rate("breach", w, 5, 1, 3, 0, 0, null, 0, 0, 0, 0, 0);
        DistrictRating both = RatingTopology.rate("both", w, 5, 1, 3, 0, 0, null, 0, 0, 1, 1, 1);
        DistrictRating overdue = RatingTopology.rate("overdue", w, 5, 0, 3, 0, 0, null, 0, 0, 2, 3, 2);
        DistrictRating low = RatingTopology.rate("low", w, 5, 0, 3, 0, 1, 2.0, 0, 1, 0, 0, 0);
        assertThat(both.limitedBy()).isEqualTo(DistrictRating.LIMITED_BY_BREACH);
        assertThat(overdue).extracting(DistrictRating::maxStars, DistrictRating::limitedBy, DistrictRating::directivesOnTime)
                .containsExactly(3, "overdue-directive", 0.33);
        assertThat(java.util.stream.Stream.of(low, overdue, breach, both).sorted(DistrictRating.WORST_FIRST)
                .map(DistrictRating::district)).containsExactly("both", "breach", "overdue", "low");
    }
}
