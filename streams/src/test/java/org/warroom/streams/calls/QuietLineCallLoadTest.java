package org.warroom.streams.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.streams.Events.call;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.event.CallEventType;
import org.warroom.contracts.event.CallStep;
import org.warroom.contracts.result.LineLoad;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.contracts.topic.Topics;
import org.warroom.streams.TestDriver;

/**
 * Issue 19, defect 4: one NDJSON batch with calls x1–x4 on line 181 (three started, one answered, one ended, one
 * abandoned) and one call x5 started on line 104, all for Bhopal (LGD 396), {@code at} a minute ago. Line 181 shows
 * its 2 calls in progress; line 104 must show its 1, with the default {@code calls.emit.interval}. In one task (this
 * driver) that always held: the defect needs several tasks, each owning some lines, and is reproduced on a real
 * broker by {@code CallLoadOnPartitionsIntegrationTest}; here the batch and the line announcement, now routed to the
 * line's task, are checked on the emit-interval path.
 */
class QuietLineCallLoadTest {
    private TestDriver driver;
    private TestInputTopic<String, CallStep> calls;
    private TestOutputTopic<String, LineLoad> load;

    @BeforeEach
    void start() {
        driver = TestDriver.of(sources -> CallLoadTopology.build(sources, TestDriver.rules()));
        calls = driver.input(Topics.CALLS);
        load = driver.output(ResultTopics.CALL_LOAD);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void send(String step, String call, String line, CallEventType event) {
        CallStep value = call(step, call, line, event, Duration.ofMinutes(-1));
        calls.pipeInput(call, value, value.at().toInstant());
    }

    private void batch() {
        send("x1-1", "x1", "181", CallEventType.STARTED);
        send("x2-1", "x2", "181", CallEventType.STARTED);
        send("x3-1", "x3", "181", CallEventType.STARTED);
        send("x1-2", "x1", "181", CallEventType.ANSWERED);
        send("x2-2", "x2", "181", CallEventType.ENDED);
        send("x4-1", "x4", "181", CallEventType.ABANDONED);
        send("x5-1", "x5", "104", CallEventType.STARTED);
    }

    @Test
    @DisplayName("on a fresh stack, a batch gives line 181 its 2 calls in progress and line 104 its 1 within a second")
    void freshStack() {
        batch();
        driver.advance(Duration.ofSeconds(1), Duration.ofMillis(250));

        Map<String, LineLoad> latest = load.readKeyValuesToMap();
        assertThat(latest.get("181").inProgress()).isEqualTo(2);
        assertThat(latest.get("104")).as("line 104").isNotNull();
        assertThat(latest.get("104").inProgress()).as("line 104").isEqualTo(1);
    }

    @Test
    @DisplayName("after the configured lines were announced with no calls, line 104's first call is counted within a second")
    void afterTheLinesWereAnnounced() {
        driver.advance(Duration.ofSeconds(5), Duration.ofMillis(250)); // the wall-clock sweep announces every line at 0
        load.readKeyValuesToList();

        batch();
        driver.advance(Duration.ofSeconds(1), Duration.ofMillis(250));

        Map<String, LineLoad> latest = load.readKeyValuesToMap();
        assertThat(latest.get("181").inProgress()).isEqualTo(2);
        assertThat(latest.get("104")).as("line 104").isNotNull();
        assertThat(latest.get("104").inProgress()).as("line 104").isEqualTo(1);
    }
}
