package org.warroom.streams.backlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.streams.Events.BHOPAL;
import static org.warroom.streams.Events.at;
import static org.warroom.streams.Events.minutes;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
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
import org.warroom.contracts.complaint.ComplaintTickets;
import org.warroom.contracts.complaint.Registration;
import org.warroom.contracts.event.TicketStep;
import org.warroom.contracts.result.BacklogStatus;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.contracts.topic.Topics;
import org.warroom.streams.TestDriver;

/**
 * The grievance desk's steps, as the dashboard writes them ({@link ComplaintTickets}), move the backlogs through the
 * same topology as any ticket feed: no second code path.
 */
class DeskComplaintBacklogTest {
    private static final String FOOD = "Food and Civil Supplies";
    private static final String REVENUE = "Revenue";
    private final ComplaintLifecycle lifecycle = new ComplaintLifecycle(ComplaintSla.defaults());
    private TestDriver driver;
    private TestInputTopic<String, TicketStep> tickets;
    private TestOutputTopic<String, BacklogStatus> backlogs;
    private final Map<String, BacklogStatus> latest = new HashMap<>();

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

    private Complaint send(Complaint c) {
        TicketStep step = ComplaintTickets.stepOf(c);
        tickets.pipeInput(step.ticket(), step, step.at().toInstant());
        for (KeyValue<String, BacklogStatus> kv : backlogs.readKeyValuesToList()) {
            latest.put(kv.key, kv.value);
        }
        return c;
    }

    private Complaint act(Complaint c, ComplaintAction action, String note, String department, OffsetDateTime when) {
        return send(lifecycle.act(c, new ActionRequest(action, note, null, department, c.version()), "officer", when));
    }

    private int open(String department) {
        BacklogStatus s = latest.get(BHOPAL + "|" + department);
        return s == null ? 0 : s.open();
    }

    @Test
    @DisplayName("register opens at the desk, forward moves it, reject closes it, reopen opens it again; a comment changes nothing")
    void shouldMoveTheBacklogWithEveryDeskStep() {
        Complaint c = send(lifecycle.register(new ComplaintNumber("MP", BHOPAL, 1), new Registration("+919876543210",
                null, BHOPAL, "ration", "ration", "no ration", ComplaintChannel.CALL, "en", null, null), FOOD, "agent",
                at(minutes(-30))));
        assertThat(open(FOOD)).isEqualTo(1);
        assertThat(latest.get(BHOPAL + "|" + FOOD).oldestOpenSince()).isEqualTo(at(minutes(-30)));

        c = act(c, ComplaintAction.COMMENT, "called back", null, at(minutes(-25)));
        assertThat(open(FOOD)).isEqualTo(1);

        c = act(c, ComplaintAction.FORWARD, "dealer licences are Revenue's", REVENUE, at(minutes(-20)));
        assertThat(open(FOOD)).isZero();
        assertThat(open(REVENUE)).isEqualTo(1);

        c = act(c, ComplaintAction.REJECT, "duplicate", null, at(minutes(-10)));
        assertThat(open(REVENUE)).isZero();
        assertThat(latest.get(BHOPAL + "|" + REVENUE).resolvedLastHour()).isEqualTo(1);

        act(c, ComplaintAction.REOPEN, "citizen says not solved", null, at(minutes(-5)));
        assertThat(open(REVENUE)).isEqualTo(1);
        assertThat(latest.get(BHOPAL + "|" + REVENUE).oldestOpenSince()).isEqualTo(at(minutes(-5)));
        assertThat(latest.get(BHOPAL + "|" + REVENUE).unknownResolves()).isZero();
    }
}
