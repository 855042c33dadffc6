package org.warroom.streams.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.warroom.streams.Events.BHOPAL;
import static org.warroom.streams.Events.IST;
import static org.warroom.streams.Events.at;
import static org.warroom.streams.Events.hours;
import static org.warroom.streams.Events.minutes;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.directive.Directive;
import org.warroom.contracts.directive.DirectiveAction;
import org.warroom.contracts.directive.DirectiveLifecycle;
import org.warroom.contracts.directive.DirectiveOrder;
import org.warroom.contracts.directive.DirectiveRequest;
import org.warroom.contracts.directive.DirectiveTopics;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.result.Alert;
import org.warroom.contracts.result.AlertAck;
import org.warroom.contracts.result.AlertState;
import org.warroom.contracts.result.BacklogStatus;
import org.warroom.contracts.result.LineLoad;
import org.warroom.contracts.result.Severity;
import org.warroom.contracts.result.ShortageLevel;
import org.warroom.contracts.result.ShortageStatus;
import org.warroom.contracts.result.UnlocatedMessages;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.streams.TestDriver;

/** Alert rules, fed with result records directly (the alert topology reads them as streams). */
class AlertTopologyTest {
    private static final OffsetDateTime RAISED = OffsetDateTime.ofInstant(TestDriver.T0, IST);
    private static final String MEDICINE_ID = "shortage-critical|396|medicine|" + TestDriver.T0.toEpochMilli();

    private TestDriver driver;
    private TestInputTopic<String, ShortageStatus> shortages;
    private TestInputTopic<String, BacklogStatus> backlogs;
    private TestInputTopic<String, LineLoad> lines;
    private TestInputTopic<String, UnlocatedMessages> unlocated;
    private TestInputTopic<String, AlertAck> acks;
    private TestOutputTopic<String, Alert> alerts;

    @BeforeEach
    void start() {
        driver = TestDriver.of(sources -> AlertTopology.build(sources,
                TestDriver.rules(Map.of("streams.punctuate.interval", "1m")),
                sources.stream(ResultTopics.SHORTAGES), sources.stream(ResultTopics.BACKLOGS),
                sources.stream(ResultTopics.CALL_LOAD), sources.stream(ResultTopics.UNLOCATED_MESSAGES)));
        shortages = driver.input(ResultTopics.SHORTAGES);
        backlogs = driver.input(ResultTopics.BACKLOGS);
        lines = driver.input(ResultTopics.CALL_LOAD);
        unlocated = driver.input(ResultTopics.UNLOCATED_MESSAGES);
        acks = driver.input(ResultTopics.ALERT_ACKS);
        alerts = driver.output(ResultTopics.ALERTS);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    /** A fresh medicine report (as of one minute ago) with the given days of cover (daily need 10). */
    private void medicine(double days) {
        ShortageStatus s = new ShortageStatus(BHOPAL, Commodity.MEDICINE, days * 10, 10.0, days,
                days < 3 ? ShortageLevel.CRITICAL : days < 7 ? ShortageLevel.LOW : ShortageLevel.OK, 0,
                at(minutes(-1)), null, "units", null, at(minutes(-1)).plusMinutes(Math.round(days * 1440)), "r");
        shortages.pipeInput(s.key(), s, driver.now());
    }

    private List<Object> states() {
        return alerts.readValuesToList().stream().map(a -> (Object) (a.rule() + " " + a.state().wire())).toList();
    }

    @Test
    void shouldRaiseCriticalShortageAlertOnce() {
        medicine(2.0);
        medicine(2.5);
        medicine(1.5);

        Alert raised = alerts.readKeyValue().value;
        assertThat(raised).isEqualTo(new Alert(MEDICINE_ID, "shortage-critical", BHOPAL, Commodity.MEDICINE,
                Severity.CRITICAL, AlertState.ACTIVE, RAISED, null, null, null, "396|medicine", 1, 2.0, 3.0,
                "Medicine in Bhopal: 2.0 days of cover (critical below 3)", null, RAISED, 0,
                "भोपाल में दवा: 2.0 दिन का भंडार (गंभीर: 3 दिन से कम)"));
        assertThat(alerts.isEmpty()).isTrue();
        assertThat(driver.<ConditionState>store(AlertTopology.CONDITION_STORE).get("shortage-critical|396|medicine")
                .alert().id()).isEqualTo(MEDICINE_ID);
    }

    @Test
    void shouldNotFlapAlertAroundThreshold() {
        medicine(2.9);   // below 3: raised
        medicine(3.1);   // above 3, below 3.6 (hysteresis 20 %): still active
        medicine(2.95);
        medicine(3.5);
        assertThat(states()).containsExactly("shortage-critical active");

        medicine(3.6);   // recovered: cleared once
        medicine(3.5);   // not below 3: nothing
        medicine(4.0);
        Alert cleared = alerts.readValue();
        assertThat(cleared.id()).isEqualTo(MEDICINE_ID);
        assertThat(cleared.state()).isEqualTo(AlertState.CLEARED);
        assertThat(cleared.clearedAt()).isEqualTo(RAISED);
        assertThat(alerts.isEmpty()).isTrue();

        driver.advance(minutes(5));
        medicine(2.0);   // a new episode: a new id
        Alert again = alerts.readValue();
        assertThat(again.id()).isEqualTo("shortage-critical|396|medicine|" + TestDriver.T0.plus(minutes(5)).toEpochMilli());
        assertThat(again.state()).isEqualTo(AlertState.ACTIVE);
        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void shouldEscalateUnacknowledgedAlert() {
        medicine(2.0);
        alerts.readValue();

        driver.advance(hours(2), Duration.ofMinutes(1));
        // repeat every 15 min since the last notification; level 2 at 30 min, level 3 at 2 h (which also notifies)
        assertThat(alerts.readValuesToList()).extracting(Alert::level, Alert::repeats, Alert::notifiedAt).containsExactly(
                tuple(1, 1, RAISED.plusMinutes(15)),
                tuple(2, 1, RAISED.plusMinutes(30)),
                tuple(2, 2, RAISED.plusMinutes(45)),
                tuple(2, 3, RAISED.plusMinutes(60)),
                tuple(2, 4, RAISED.plusMinutes(75)),
                tuple(2, 5, RAISED.plusMinutes(90)),
                tuple(2, 6, RAISED.plusMinutes(105)),
                tuple(3, 6, RAISED.plusMinutes(120)));
        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void shouldStopRepeatsWhenAcknowledged() {
        medicine(2.0);
        alerts.readValue();
        driver.advance(minutes(10), Duration.ofMinutes(1));
        acks.pipeInput(MEDICINE_ID, new AlertAck(MEDICINE_ID, "cmo.bhopal", at(minutes(10)), "trucks sent"));

        Alert acked = alerts.readValue();
        assertThat(acked.state()).isEqualTo(AlertState.ACKNOWLEDGED);
        assertThat(acked.ackBy()).isEqualTo("cmo.bhopal");
        assertThat(acked.ackAt()).isEqualTo(at(minutes(10)));
        assertThat(acked.ackComment()).isEqualTo("trucks sent");
        assertThat(acked.level()).isEqualTo(1);

        acks.pipeInput(MEDICINE_ID, new AlertAck(MEDICINE_ID, "someone.else", at(minutes(11)), "again"));
        driver.advance(hours(3), Duration.ofMinutes(1));
        assertThat(alerts.isEmpty()).as("no repeat, no escalation, a second ack changes nothing").isTrue();

        medicine(5.0);
        Alert cleared = alerts.readValue();
        assertThat(cleared.state()).isEqualTo(AlertState.CLEARED);
        assertThat(cleared.ackBy()).isEqualTo("cmo.bhopal");
        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void shouldIgnoreAckOfUnknownOrOldAlert() {
        acks.pipeInput("shortage-critical|396|medicine|1", new AlertAck("shortage-critical|396|medicine|1", "x", null, null));
        medicine(2.0);
        alerts.readValue();
        acks.pipeInput("shortage-critical|396|medicine|1", new AlertAck("shortage-critical|396|medicine|1", "x", null, null));

        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void shouldRaiseStaleReportAlertByWallClock() {
        ShortageStatus old = new ShortageStatus(BHOPAL, Commodity.RATION, 100.0, 10.0, 10.0, ShortageLevel.OK, 0,
                at(hours(-25)), null, "units", null, at(hours(-25).plus(Duration.ofDays(10))), "r");
        shortages.pipeInput(old.key(), old, driver.now());
        assertThat(alerts.isEmpty()).isTrue();

        driver.advance(minutes(59), Duration.ofMinutes(1));
        assertThat(alerts.isEmpty()).as("25 h 59 min").isTrue();
        driver.advance(minutes(1), Duration.ofMinutes(1));
        Alert stale = alerts.readValue();
        assertThat(stale.id()).isEqualTo("report-stale|396|" + TestDriver.T0.plus(hours(1)).toEpochMilli());
        assertThat(stale.district()).isEqualTo(BHOPAL);
        assertThat(stale.message()).isEqualTo("Bhopal has not reported for 26.0 h (limit 26 h)");
        assertThat(stale.messageHi()).isEqualTo("भोपाल ने 26.0 घंटे से रिपोर्ट नहीं भेजी (सीमा 26 घंटे)");

        ShortageStatus fresh = new ShortageStatus(BHOPAL, Commodity.MILK, 100.0, 10.0, 10.0, ShortageLevel.OK, 0,
                at(minutes(55)), null, "units", null, at(minutes(55).plus(Duration.ofDays(10))), "r2");
        shortages.pipeInput(fresh.key(), fresh, driver.now());
        assertThat(alerts.readValue().state()).isEqualTo(AlertState.CLEARED);
        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void shouldRaisePredictedStockOutWithin24Hours() {
        ShortageStatus s = new ShortageStatus(BHOPAL, Commodity.RATION, 100.0, 10.0, 10.0, ShortageLevel.OK, 0,
                at(minutes(-1)), null, "units", 80.0, at(hours(25)), "r");
        shortages.pipeInput(s.key(), s, driver.now());
        assertThat(alerts.isEmpty()).isTrue();

        driver.advance(hours(1), Duration.ofMinutes(1));
        assertThat(alerts.isEmpty()).as("exactly 24 h left: not yet within 24 h").isTrue();
        driver.advance(minutes(1));
        Alert alert = alerts.readValue();
        assertThat(alert.rule()).isEqualTo("stockout-predicted");
        assertThat(alert.severity()).isEqualTo(Severity.HIGH);
        assertThat(alert.message()).isEqualTo("Ration in Bhopal runs out in 24.0 h at the present rate (alert below 24 h)");
        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void shouldRaiseAlertsFromBacklogsLinesSignalsAndUnlocatedMessages() {
        backlogs.pipeInput("396|food", new BacklogStatus(BHOPAL, "food", 9, at(hours(-30)), 5, 0, 0, 0));
        lines.pipeInput("181", new LineLoad("181", 450, 500, 20, 30, 0.9, 0));
        unlocated.pipeInput("all", new UnlocatedMessages(19));
        unlocated.pipeInput("all", new UnlocatedMessages(20));
        ShortageStatus signals = new ShortageStatus(BHOPAL, Commodity.WATER, null, null, null, ShortageLevel.STALE,
                10, null, null, null, null, null, null);
        shortages.pipeInput(signals.key(), signals, driver.now());

        assertThat(alerts.readValuesToList()).extracting(Alert::rule, Alert::subject, Alert::district, Alert::message)
                .containsExactly(
                        tuple("backlog-breaches", "396|food", BHOPAL, "5 complaints past their deadline in Bhopal, Food (alert at 5)"),
                        tuple("line-load", "181", null, "CM Helpline 181 at 90% of capacity (alert at 90%)"),
                        tuple("unlocated-messages", "all", null, "20 messages without a district in the last hour (alert at 20)"),
                        tuple("citizen-signals", "396|water", BHOPAL,
                                "10 citizen messages about Water in Bhopal in the last hour (alert at 10)"));

        lines.pipeInput("181", new LineLoad("181", 400, 500, 20, 30, 0.8, 0));      // above 72 %: still on
        lines.pipeInput("181", new LineLoad("181", 350, 500, 20, 30, 0.7, 0));      // cleared
        assertThat(states()).containsExactly("line-load cleared");
        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void shouldWriteNothingForARepeatedObservationWithinItsThresholds() {
        // Every observation used to write its condition (or a tombstone for one never stored): a third of all the
        // changelog bytes of a long run.
        TestOutputTopic<String, byte[]> changelog = driver.changelog(AlertTopology.CONDITION_STORE);
        medicine(10.0);
        long first = changelog.getQueueSize();
        changelog.readRecordsToList();
        medicine(10.0);
        medicine(10.0);

        assertThat(first).as("the first observation stores the time-dependent conditions").isPositive();
        assertThat(changelog.readRecordsToList()).as("the same observation again changes nothing").isEmpty();
        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void shouldCarryAllObservationsOfOneResultInOneRecordRoutedByDistrict() {
        // One record per rule used to be two thirds of the repartition records streams wrote (17,132 in 30 s at 250
        // events/s); the district's conditions still meet their acknowledgements in one task.
        TestOutputTopic<String, byte[]> repartition = driver.repartition(AlertTopology.REPARTITION);
        medicine(1.0);
        List<KeyValue<String, byte[]>> records = repartition.readKeyValuesToList();
        assertThat(records).as("one shortage result, one record").hasSize(1);
        assertThat(records.get(0).key).isEqualTo(BHOPAL);
        List<Alert> raised = alerts.readValuesToList();
        assertThat(raised).extracting(Alert::rule).as("every rule of the result was evaluated")
                .contains("shortage-critical", "stockout-predicted");

        Alert critical = raised.stream().filter(a -> a.rule().equals("shortage-critical")).findFirst().orElseThrow();
        acks.pipeInput(critical.id(), new AlertAck(critical.id(), "duty-officer", at(minutes(0)), "on it"), driver.now());
        assertThat(repartition.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly(BHOPAL);
        assertThat(alerts.readValuesToList()).extracting(a -> a.state().wire()).containsExactly("acknowledged");
        assertThat(AlertInput.routeOf("line-load|181")).isEqualTo("181");
        assertThat(AlertInput.routeOf("unlocated-messages|all")).isEqualTo("all");
        assertThat(AlertInput.routeOf("backlog-breaches|" + BHOPAL + "|health")).isEqualTo(BHOPAL);
    }

    @Test
    void shouldRaiseOverdueDirectiveAtItsDeadlineAndClearItWhenClosed() {
        DirectiveLifecycle lifecycle = new DirectiveLifecycle();
        TestInputTopic<String, Directive> directives = driver.input(DirectiveTopics.DIRECTIVES);
        Directive d = lifecycle.issue("D-1", new DirectiveOrder(BHOPAL, null, "send 200 medicine kits",
                at(minutes(30)), null, null, null), "op1", at(minutes(0)));
        directives.pipeInput(d.id(), d, driver.now());
        driver.advance(minutes(29), Duration.ofMinutes(1));
        assertThat(alerts.isEmpty()).as("before the deadline").isTrue();
        d = lifecycle.act(d, new DirectiveRequest(DirectiveAction.ACKNOWLEDGE, null, 1), "cmdr", at(minutes(29)));
        directives.pipeInput(d.id(), d, driver.now());
        assertThat(alerts.isEmpty()).as("acknowledged, still before the deadline").isTrue();

        driver.advance(minutes(1), Duration.ofMinutes(1));
        Alert overdue = alerts.readValue();
        assertThat(overdue.rule()).isEqualTo("overdue-directive");
        assertThat(overdue.id()).isEqualTo("overdue-directive|396|D-1|" + TestDriver.T0.plus(minutes(30)).toEpochMilli());
        assertThat(overdue.district()).isEqualTo(BHOPAL);
        assertThat(overdue.severity()).isEqualTo(Severity.HIGH);
        assertThat(overdue.state()).isEqualTo(AlertState.ACTIVE);
        assertThat(overdue.message()).isEqualTo("Directive D-1 to Bhopal is 0.0 h past its deadline");
        assertThat(overdue.messageHi()).isEqualTo("भोपाल को निर्देश D-1 अपनी समय-सीमा से 0.0 घंटे पीछे है");

        d = lifecycle.act(d, new DirectiveRequest(DirectiveAction.CLOSE, "kits delivered", 2), "cmdr", at(minutes(40)));
        directives.pipeInput(d.id(), d, driver.now());
        Alert cleared = alerts.readValue();
        assertThat(cleared.id()).isEqualTo(overdue.id());
        assertThat(cleared.state()).isEqualTo(AlertState.CLEARED);
        driver.advance(hours(2), Duration.ofMinutes(1));
        assertThat(alerts.isEmpty()).as("a closed directive stays quiet").isTrue();
    }

    @Test
    void shouldRaiseNothingForADirectiveClosedBeforeItsDeadline() {
        DirectiveLifecycle lifecycle = new DirectiveLifecycle();
        TestInputTopic<String, Directive> directives = driver.input(DirectiveTopics.DIRECTIVES);
        Directive d = lifecycle.issue("D-2", new DirectiveOrder(BHOPAL, "Health", "open a camp", at(minutes(30)),
                null, null, null), "op1", at(minutes(0)));
        directives.pipeInput(d.id(), d, driver.now());
        d = lifecycle.act(d, new DirectiveRequest(DirectiveAction.CLOSE, "camp open", 1), "officer", at(minutes(5)));
        directives.pipeInput(d.id(), d, driver.now());
        driver.advance(hours(3), Duration.ofMinutes(1));
        assertThat(alerts.isEmpty()).isTrue();
    }
}
