package org.warroom.streams.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.streams.Events.BHOPAL;
import static org.warroom.streams.Events.at;
import static org.warroom.streams.Events.hours;
import static org.warroom.streams.Events.minutes;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.warroom.contracts.result.Alert;
import org.warroom.contracts.result.AlertState;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.streams.TestDriver;

/**
 * The escalation matrix as alerts (rule {@code complaint-escalated}): a health complaint (SLA 1 h) reaches level 2
 * after exactly 1 h on its desk and level 3 after 2 h, by the wall clock; closing clears, reopening restarts.
 */
class ComplaintEscalationAlertTest {
    private static final String NUMBER = "MP-396-000001";
    private final ComplaintLifecycle lifecycle = new ComplaintLifecycle(ComplaintSla.defaults());
    private TestDriver driver;
    private TestInputTopic<String, Complaint> complaints;
    private TestOutputTopic<String, Alert> alerts;

    @BeforeEach
    void start() {
        driver = TestDriver.of(sources -> AlertTopology.build(sources,
                TestDriver.rules(Map.of("streams.punctuate.interval", "1m", "alert.repeat.interval", "100h",
                        "alert.escalation.after", "100h")),
                sources.stream(ResultTopics.SHORTAGES), sources.stream(ResultTopics.BACKLOGS),
                sources.stream(ResultTopics.CALL_LOAD), sources.stream(ResultTopics.UNLOCATED_MESSAGES)));
        complaints = driver.input(ComplaintTopics.COMPLAINTS);
        alerts = driver.output(ResultTopics.ALERTS);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private Complaint register() {
        Complaint c = lifecycle.register(new ComplaintNumber("MP", BHOPAL, 1), new Registration("+919876543210", null,
                BHOPAL, "health", null, "no doctor at the PHC", ComplaintChannel.CALL, "en", null, null), "Health",
                "agent1", at(Duration.ZERO));
        return send(c);
    }

    private Complaint act(Complaint c, ComplaintAction action, String note, String department) {
        return send(lifecycle.act(c, new ActionRequest(action, note, null, department, c.version()), "officer1",
                driver.now().atOffset(java.time.ZoneOffset.ofHoursMinutes(5, 30))));
    }

    private Complaint send(Complaint c) {
        complaints.pipeInput(c.number(), c, driver.now());
        return c;
    }

    /** The latest state of each alert read since the last call, by id. */
    private Map<String, Alert> read() {
        Map<String, Alert> out = new LinkedHashMap<>();
        for (Alert a : alerts.readValuesToList()) {
            out.put(a.id(), a);
        }
        return out;
    }

    private static String id(String department, int level, Duration raisedAfter) {
        return "complaint-escalated|" + BHOPAL + "|" + department + "|" + NUMBER + "|" + level + "|"
                + TestDriver.T0.plus(raisedAfter).toEpochMilli();
    }

    @Test
    @DisplayName("level 2 at exactly the SLA, level 3 at exactly 2× SLA; worded with number, department and level")
    void shouldEscalateAtTheSlaAndTwiceTheSla() {
        register();
        driver.advance(minutes(59), Duration.ofMinutes(1));
        assertThat(read()).as("before the SLA: the desk, level 1, no alert").isEmpty();
        driver.advance(minutes(1), Duration.ofMinutes(1));
        Map<String, Alert> raised = read();
        assertThat(raised).containsOnlyKeys(id("Health", 2, hours(1)));
        Alert two = raised.values().iterator().next();
        assertThat(two.rule()).isEqualTo("complaint-escalated");
        assertThat(two.state()).isEqualTo(AlertState.ACTIVE);
        assertThat(two.district()).isEqualTo(BHOPAL);
        assertThat(two.subject()).isEqualTo(BHOPAL + "|Health|" + NUMBER + "|2");
        assertThat(two.message()).isEqualTo(
                "Complaint MP-396-000001 of Health, Bhopal, reached escalation level 2: 0.0 h past that level");
        assertThat(two.messageHi()).isEqualTo(
                "भोपाल में स्वास्थ्य की शिकायत MP-396-000001 वृद्धि स्तर 2 पर पहुँची: उस स्तर से 0.0 घंटे ऊपर");
        driver.advance(minutes(59), Duration.ofMinutes(1));
        assertThat(read()).as("level 2 stays one alert").isEmpty();
        driver.advance(minutes(1), Duration.ofMinutes(1));
        assertThat(read()).containsOnlyKeys(id("Health", 3, hours(2)));
    }

    @Test
    @DisplayName("resolved: every level clears and it never escalates again; reopened: level 2 again one SLA after the reopening")
    void shouldClearOnResolveAndRestartOnReopen() {
        Complaint c = register();
        driver.advance(minutes(125), Duration.ofMinutes(1));
        assertThat(read()).hasSize(2);
        c = act(c, ComplaintAction.RESOLVE, "doctor posted", null);
        Map<String, Alert> cleared = read();
        assertThat(cleared).containsOnlyKeys(id("Health", 2, hours(1)), id("Health", 3, hours(2)));
        assertThat(cleared.values()).extracting(Alert::state).containsOnly(AlertState.CLEARED);
        driver.advance(hours(10), Duration.ofMinutes(1));
        assertThat(read()).as("a resolved complaint never escalates").isEmpty();

        c = act(c, ComplaintAction.REOPEN, "no doctor again", null); // at 12 h 05 min
        driver.advance(minutes(59), Duration.ofMinutes(1));
        assertThat(read()).as("the reopened complaint is back at level 1").isEmpty();
        driver.advance(minutes(1), Duration.ofMinutes(1));
        assertThat(read()).containsOnlyKeys(id("Health", 2, minutes(125 + 600 + 60)));
    }

    @Test
    @DisplayName("a complaint resolved before its SLA raises nothing; a forward clears the old desk's levels, the new desk's clock goes on")
    void shouldHandleEarlyResolveAndForward() {
        Complaint c = register();
        driver.advance(minutes(30), Duration.ofMinutes(1));
        act(c, ComplaintAction.RESOLVE, "doctor posted", null);
        driver.advance(hours(5), Duration.ofMinutes(1));
        assertThat(read()).isEmpty();

        driver.close();
        start();
        c = register();
        driver.advance(minutes(70), Duration.ofMinutes(1));
        assertThat(read()).containsOnlyKeys(id("Health", 2, hours(1)));
        act(c, ComplaintAction.FORWARD, "the PHC is run by Labour", "Labour");
        Map<String, Alert> moved = read();
        assertThat(moved.get(id("Health", 2, hours(1))).state()).isEqualTo(AlertState.CLEARED);
        assertThat(moved.get(id("Labour", 2, minutes(70))).state()).isEqualTo(AlertState.ACTIVE);
        assertThat(moved).hasSize(2);
    }
}
