package org.warroom.streams.backlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.warroom.streams.Events.BHOPAL;
import static org.warroom.streams.Events.at;
import static org.warroom.streams.Events.minutes;
import static org.warroom.streams.Events.ticket;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.event.DeadLetter;
import org.warroom.contracts.event.TicketEventType;
import org.warroom.contracts.event.TicketStep;
import org.warroom.contracts.result.BacklogStatus;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.contracts.topic.Topics;
import org.warroom.streams.TestDriver;

class BacklogTopologyTest {
    private static final String FOOD = "food";
    private static final String HEALTH = "health";

    private TestDriver driver;
    private TestInputTopic<String, TicketStep> tickets;
    private TestOutputTopic<String, BacklogStatus> backlogs;

    @BeforeEach
    void start() {
        driver = TestDriver.of(sources -> BacklogTopology.build(sources, TestDriver.rules()));
        tickets = driver.input(Topics.TICKETS);
        backlogs = driver.output(ResultTopics.BACKLOGS);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void send(String step, String ticket, String department, String category, TicketEventType event,
                      Duration at) {
        TicketStep value = ticket(step, ticket, BHOPAL, department, category, event, at);
        tickets.pipeInput(ticket, value, value.at().toInstant());
    }

    private static BacklogStatus food(int open, Duration oldest, int breaches, int opened, int resolved, int unknown) {
        return new BacklogStatus(BHOPAL, FOOD, open, oldest == null ? null : at(oldest), breaches, opened, resolved, unknown);
    }

    @Test
    void shouldCountOpenTicketsAndTheOldest() {
        send("s1", "t1", FOOD, "ration", TicketEventType.OPENED, minutes(-30));
        send("s2", "t2", FOOD, "ration", TicketEventType.OPENED, minutes(-10));
        send("s3", "t2", FOOD, "ration", TicketEventType.ASSIGNED, minutes(-9));

        assertThat(backlogs.readKeyValuesToList()).containsExactly(
                KeyValue.pair("396|food", food(1, minutes(-30), 0, 1, 0, 0)),
                KeyValue.pair("396|food", food(2, minutes(-30), 0, 2, 0, 0)));
        assertThat(backlogs.isEmpty()).as("an assignment changes nothing that is counted").isTrue();
    }

    @Test
    void shouldBreachSlaByWallClock() {
        send("s1", "t1", HEALTH, "health", TicketEventType.OPENED, minutes(-50)); // SLA 1 h
        send("s2", "t2", HEALTH, "ration", TicketEventType.OPENED, minutes(-50)); // SLA 24 h
        backlogs.readValuesToList();

        driver.advance(minutes(9), Duration.ofSeconds(5));
        assertThat(backlogs.isEmpty()).as("open 59 min: within the 1 h SLA").isTrue();

        driver.advance(minutes(2), Duration.ofSeconds(5));
        assertThat(backlogs.readValuesToList()).containsExactly(
                new BacklogStatus(BHOPAL, HEALTH, 2, at(minutes(-50)), 0, 0, 0, 0),  // at +10:00 both leave the hour
                new BacklogStatus(BHOPAL, HEALTH, 2, at(minutes(-50)), 1, 0, 0, 0)); // at +10:05 t1 is over 1 h old
        assertThat(backlogs.isEmpty()).isTrue();
    }

    @Test
    void shouldOpenAReopenedTicketAgain() {
        send("s1", "t1", FOOD, "ration", TicketEventType.OPENED, minutes(-30));
        send("s2", "t1", FOOD, "ration", TicketEventType.RESOLVED, minutes(-20));
        send("s3", "t1", FOOD, "ration", TicketEventType.REOPENED, minutes(-10));

        assertThat(backlogs.readValuesToList()).containsExactly(
                food(1, minutes(-30), 0, 1, 0, 0),
                food(0, null, 0, 1, 1, 0),
                food(1, minutes(-10), 0, 1, 1, 0));
        assertThat(backlogs.isEmpty()).isTrue();
    }

    @Test
    void shouldCountUnknownTicketResolveAsAnomaly() {
        send("s9", "t9", FOOD, "ration", TicketEventType.RESOLVED, minutes(-5));

        assertThat(backlogs.readValue()).isEqualTo(food(0, null, 0, 0, 1, 1));
        DeadLetter letter = driver.output(Topics.DEAD_LETTER).readValue();
        assertThat(letter.reason()).isEqualTo("resolve for unknown ticket t9");
        assertThat(letter.stage()).isEqualTo("streams");
        assertThat(letter.raw()).contains("\"ticket\":\"t9\"");

        // its opening arrives late: counted as an arrival, but the ticket stays resolved
        send("s8", "t9", FOOD, "ration", TicketEventType.OPENED, minutes(-50));
        assertThat(backlogs.readValue()).isEqualTo(food(0, null, 0, 1, 1, 1));
        assertThat(backlogs.isEmpty()).isTrue();
    }

    @Test
    void shouldIgnoreDuplicateStep() {
        send("s1", "t1", FOOD, "ration", TicketEventType.OPENED, minutes(-30));
        send("s1", "t1", FOOD, "ration", TicketEventType.OPENED, minutes(-30));
        send("s2", "t1", FOOD, "ration", TicketEventType.RESOLVED, minutes(-20));
        send("s2", "t1", FOOD, "ration", TicketEventType.RESOLVED, minutes(-20));

        assertThat(backlogs.readValuesToList()).containsExactly(
                food(1, minutes(-30), 0, 1, 0, 0),
                food(0, null, 0, 1, 1, 0));
        assertThat(backlogs.isEmpty()).isTrue();
    }

    @Test
    void shouldNotCloseTicketWithAResolveOlderThanItsReopening() {
        send("s1", "t1", FOOD, "ration", TicketEventType.OPENED, minutes(-40));
        send("s3", "t1", FOOD, "ration", TicketEventType.REOPENED, minutes(-10));
        send("s2", "t1", FOOD, "ration", TicketEventType.RESOLVED, minutes(-20)); // late

        assertThat(backlogs.readValuesToList()).containsExactly(
                food(1, minutes(-40), 0, 1, 0, 0),
                food(1, minutes(-10), 0, 1, 1, 0));
        assertThat(backlogs.isEmpty()).isTrue();
    }

    @Test
    void shouldMoveTicketToItsNewDepartment() {
        send("s1", "t1", FOOD, "ration", TicketEventType.OPENED, minutes(-30));
        send("s2", "t1", HEALTH, "ration", TicketEventType.ASSIGNED, minutes(-20));

        assertThat(backlogs.readKeyValuesToList()).containsExactly(
                KeyValue.pair("396|food", food(1, minutes(-30), 0, 1, 0, 0)),
                KeyValue.pair("396|food", food(0, null, 0, 1, 0, 0)),
                KeyValue.pair("396|health", new BacklogStatus(BHOPAL, HEALTH, 1, at(minutes(-30)), 0, 0, 0, 0)));
        assertThat(backlogs.isEmpty()).isTrue();
    }

    /** "Opened in the last hour" counts a ticket reopened within the hour until that reopening is an hour old. */
    @Test
    void shouldKeepAReopenedTicketInTheHourUntilItsReopeningIsAnHourOld() {
        send("s1", "t1", FOOD, "ration", TicketEventType.OPENED, minutes(-50));
        send("s2", "t1", FOOD, "ration", TicketEventType.RESOLVED, minutes(-40));
        send("s3", "t1", FOOD, "ration", TicketEventType.REOPENED, minutes(-20));
        assertThat(backlogs.readValuesToList()).last().isEqualTo(food(1, minutes(-20), 0, 1, 1, 0));

        driver.advance(minutes(25), Duration.ofSeconds(5)); // the opening and the resolve are over an hour old
        assertThat(backlogs.readValuesToList()).last().isEqualTo(food(1, minutes(-20), 0, 1, 0, 0));
        driver.advance(minutes(20), Duration.ofSeconds(5)); // and now the reopening too
        assertThat(backlogs.readValuesToList()).last().isEqualTo(food(1, minutes(-20), 0, 0, 0, 0));
    }

    @Test
    void shouldLetTheHourCountsFallWithTime() {
        send("s1", "t1", FOOD, "ration", TicketEventType.OPENED, minutes(-50));
        send("s2", "t1", FOOD, "ration", TicketEventType.RESOLVED, minutes(-40));
        backlogs.readValuesToList();

        driver.advance(minutes(15), Duration.ofSeconds(5));
        assertThat(backlogs.readValuesToList()).containsExactly(food(0, null, 0, 0, 1, 0));
        driver.advance(minutes(10), Duration.ofSeconds(5));
        assertThat(backlogs.readValuesToList()).containsExactly(food(0, null, 0, 0, 0, 0));
        assertThat(backlogs.isEmpty()).isTrue();
        assertThat(driver.<BacklogStatus>store(BacklogTopology.RESULT_STORE).get("396|food"))
                .isEqualTo(food(0, null, 0, 0, 0, 0));
    }
    @Test
    void shouldTurnTicketsOverdueThroughTheDeadlineIndexOnlyOnce() {
        send("s1", "t1", HEALTH, "health", TicketEventType.OPENED, minutes(-50));   // deadline +10 min
        send("s2", "t2", HEALTH, "health", TicketEventType.OPENED, minutes(-40));   // deadline +20 min
        send("s3", "t3", HEALTH, "health", TicketEventType.OPENED, minutes(-120));  // overdue on arrival
        assertThat(backlogs.readValuesToList()).extracting(BacklogStatus::slaBreaches).containsExactly(0, 0, 1);
        assertThat(driver.<TicketRef>store(BacklogTopology.DEADLINE_STORE).approximateNumEntries())
                .as("only tickets not yet overdue wait in the index").isEqualTo(2);

        driver.advance(minutes(11), Duration.ofSeconds(5));
        assertThat(backlogs.readValuesToList()).extracting(BacklogStatus::slaBreaches)
                .as("+10:00 t1 leaves the hour's arrivals; +10:05 it is overdue").containsExactly(1, 2);
        driver.advance(minutes(10), Duration.ofSeconds(5));
        assertThat(backlogs.readValuesToList()).extracting(BacklogStatus::slaBreaches).containsExactly(2, 3);
        assertThat(driver.<TicketRef>store(BacklogTopology.DEADLINE_STORE).approximateNumEntries()).isZero();

        driver.advance(minutes(10), Duration.ofSeconds(5));
        assertThat(backlogs.isEmpty()).as("an overdue ticket is counted once").isTrue();

        send("s4", "t1", HEALTH, "health", TicketEventType.RESOLVED, minutes(31));
        assertThat(backlogs.readValue()).isEqualTo(new BacklogStatus(BHOPAL, HEALTH, 2, at(minutes(-120)), 2, 0, 1, 0));
        send("s5", "t3", HEALTH, "health", TicketEventType.RESOLVED, minutes(31));
        assertThat(backlogs.readValue()).isEqualTo(new BacklogStatus(BHOPAL, HEALTH, 1, at(minutes(-40)), 1, 0, 2, 0));
    }

    @Test
    void shouldCountABreachDueBeforeTheNextPunctuationWhenATicketChanges() {
        driver.close();
        driver = TestDriver.of(sources -> BacklogTopology.build(sources,
                TestDriver.rules(Map.of("streams.punctuate.interval", "1h"))));
        tickets = driver.input(Topics.TICKETS);
        backlogs = driver.output(ResultTopics.BACKLOGS);
        send("s1", "t1", HEALTH, "health", TicketEventType.OPENED, minutes(-50));   // deadline +10 min
        backlogs.readValuesToList();
        driver.advance(Duration.ofMinutes(10).plusSeconds(2));
        assertThat(backlogs.isEmpty()).as("no punctuation yet").isTrue();

        send("s2", "t2", HEALTH, "health", TicketEventType.OPENED, minutes(10));
        assertThat(backlogs.readValuesToList()).last()
                .isEqualTo(new BacklogStatus(BHOPAL, HEALTH, 2, at(minutes(-50)), 1, 1, 0, 0));
    }

    @Test
    void shouldMoveADeadlineWhenTheCategoryOrOpeningChanges() {
        send("s1", "t1", FOOD, "ration", TicketEventType.OPENED, minutes(-50));     // SLA 24 h
        send("s2", "t1", FOOD, "health", TicketEventType.ASSIGNED, minutes(-45));   // now SLA 1 h: deadline +10 min
        send("s0", "t1", FOOD, "health", TicketEventType.OPENED, minutes(-70));     // late, older opening: overdue
        assertThat(backlogs.readValuesToList()).containsExactly(
                food(1, minutes(-50), 0, 1, 0, 0),
                food(1, minutes(-70), 1, 1, 0, 0));
        driver.advance(minutes(30), Duration.ofSeconds(5));
        assertThat(backlogs.readValuesToList()).extracting(BacklogStatus::slaBreaches).containsOnly(1);
        assertThat(driver.<BacklogCounts>store(BacklogTopology.COUNT_STORE).get("396|food"))
                .isEqualTo(new BacklogCounts(1, 1, at(minutes(-70))));
    }

    @Test
    void shouldKeepTheOldestAsTicketsCloseInAnyOrder() {
        send("s1", "t1", FOOD, "ration", TicketEventType.OPENED, minutes(-30));
        send("s2", "t2", FOOD, "ration", TicketEventType.OPENED, minutes(-40));
        send("s3", "t3", FOOD, "ration", TicketEventType.OPENED, minutes(-20));
        send("s4", "t2", FOOD, "ration", TicketEventType.RESOLVED, minutes(-5));
        send("s5", "t1", FOOD, "ration", TicketEventType.RESOLVED, minutes(-4));
        send("s6", "t3", FOOD, "ration", TicketEventType.RESOLVED, minutes(-3));

        assertThat(backlogs.readValuesToList()).extracting(BacklogStatus::open, BacklogStatus::oldestOpenSince)
                .containsExactly(tuple(1, at(minutes(-30))), tuple(2, at(minutes(-40))), tuple(3, at(minutes(-40))),
                        tuple(2, at(minutes(-30))), tuple(1, at(minutes(-20))), tuple(0, null));
    }

    @Test
    void shouldCountABusyHourOfOneDepartmentWithoutOneGrowingValue() {
        // The hour's arrivals and resolutions were one value per department holding every ticket id of the hour,
        // rewritten on every step: a 30-minute soak wrote 630 MB of changelog for it in 8 minutes. Now one small
        // record per ticket id.
        int n = 2_000;
        for (int i = 0; i < n; i++) {
            send("o" + i, "busy-" + i, FOOD, "ration", TicketEventType.OPENED, Duration.ofMillis(-3_000_000L + i * 1_000L));
        }
        for (int i = 0; i < n / 2; i++) {
            send("r" + i, "busy-" + i, FOOD, "ration", TicketEventType.RESOLVED, Duration.ofMillis(-1_000_000L + i * 1_000L));
        }
        List<BacklogStatus> seen = backlogs.readValuesToList();
        assertThat(seen.get(seen.size() - 1)).extracting(BacklogStatus::openedLastHour, BacklogStatus::resolvedLastHour,
                BacklogStatus::open).containsExactly(n, n / 2, n / 2);
        assertThat(driver.keys(BacklogTopology.OPENED + "-seen")).hasSize(n);

        driver.advance(minutes(15), Duration.ofMinutes(1));
        List<BacklogStatus> later = backlogs.readValuesToList();
        assertThat(later.get(later.size() - 1)).as("the 301 openings at or before now − 1 h have left")
                .extracting(BacklogStatus::openedLastHour, BacklogStatus::resolvedLastHour).containsExactly(n - 301, n / 2);
    }
}
