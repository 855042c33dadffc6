package org.warroom.streams.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.streams.Events.call;
import static org.warroom.streams.Events.hours;
import static org.warroom.streams.Events.minutes;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.event.CallEventType;
import org.warroom.contracts.event.CallStep;
import org.warroom.contracts.result.LineLoad;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.contracts.topic.Topics;
import org.warroom.streams.TestDriver;

class CallLoadTopologyTest {
    private static final String L181 = "181";

    private TestDriver driver;
    private TestInputTopic<String, CallStep> calls;
    private TestOutputTopic<String, LineLoad> load;

    @BeforeEach
    void start() {
        // Every step's effect on the load, one by one: sending is not held back (calls.emit.interval 0).
        open(Map.of("line.capacity.181", "4", "calls.emit.interval", "0"));
    }

    private void open(Map<String, String> rules) {
        driver = TestDriver.of(sources -> CallLoadTopology.build(sources, TestDriver.rules(rules)));
        calls = driver.input(Topics.CALLS);
        load = driver.output(ResultTopics.CALL_LOAD);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void send(String step, String call, CallEventType event, Duration at) {
        CallStep value = call(step, call, L181, event, at);
        calls.pipeInput(call, value, value.at().toInstant());
    }

    private static LineLoad l181(int inProgress, int waiting, int perMinute, long expired) {
        return new LineLoad(L181, inProgress, 4, waiting, perMinute, inProgress / 4.0, expired);
    }

    private List<LineLoad> line181() {
        return load.readKeyValuesToList().stream().filter(kv -> kv.key.equals(L181)).map(kv -> kv.value).toList();
    }

    @Test
    void shouldCountCallsInProgressAndWaiting() {
        send("a1", "c1", CallEventType.STARTED, Duration.ofSeconds(-50));
        send("b1", "c2", CallEventType.STARTED, Duration.ofSeconds(-40));
        send("a2", "c1", CallEventType.ANSWERED, Duration.ofSeconds(-30));
        send("b2", "c2", CallEventType.ABANDONED, Duration.ofSeconds(-20));
        send("c1", "c3", CallEventType.STARTED, Duration.ofSeconds(-10));
        send("c2", "c3", CallEventType.ANSWERED, Duration.ofSeconds(-5));
        send("c3", "c3", CallEventType.ENDED, Duration.ofSeconds(-1));

        assertThat(load.readKeyValuesToList()).containsExactly(
                KeyValue.pair(L181, l181(1, 1, 1, 0)),
                KeyValue.pair(L181, l181(2, 2, 2, 0)),
                KeyValue.pair(L181, l181(2, 1, 2, 0)),
                KeyValue.pair(L181, l181(1, 0, 2, 0)),
                KeyValue.pair(L181, l181(2, 1, 3, 0)),
                KeyValue.pair(L181, l181(2, 0, 3, 0)),
                KeyValue.pair(L181, l181(1, 0, 3, 0)));
        assertThat(load.isEmpty()).isTrue();
    }

    @Test
    void shouldSendABusyLinesLoadAtMostOncePerEmitIntervalWithItsLatestState() {
        driver.close();
        open(Map.of("line.capacity.181", "4")); // the default calls.emit.interval, 250 ms
        send("a1", "c1", CallEventType.STARTED, Duration.ofSeconds(-50));
        assertThat(line181()).as("a quiet line's step is sent at once").containsExactly(l181(1, 1, 1, 0));

        send("b1", "c2", CallEventType.STARTED, Duration.ofSeconds(-40));
        send("a2", "c1", CallEventType.ANSWERED, Duration.ofSeconds(-30));
        send("b2", "c2", CallEventType.ABANDONED, Duration.ofSeconds(-20));
        send("c1", "c3", CallEventType.STARTED, Duration.ofSeconds(-10));
        assertThat(load.isEmpty()).as("four more steps within the interval: held back").isTrue();

        driver.advance(Duration.ofMillis(250));
        assertThat(line181()).as("one result with the line as it is after all four").containsExactly(l181(2, 1, 3, 0));
        driver.advance(Duration.ofMillis(250));
        assertThat(load.isEmpty()).as("nothing pending, nothing sent").isTrue();

        send("c2", "c3", CallEventType.ANSWERED, Duration.ofSeconds(-5));
        assertThat(line181()).as("the interval since the last result has passed: sent at once").containsExactly(l181(2, 0, 3, 0));
    }

    @Test
    void shouldIgnoreDuplicateStep() {
        send("a1", "c1", CallEventType.STARTED, Duration.ofSeconds(-50));
        send("a1", "c1", CallEventType.STARTED, Duration.ofSeconds(-50));
        send("a2", "c1", CallEventType.ENDED, Duration.ofSeconds(-30));
        send("a2", "c1", CallEventType.ENDED, Duration.ofSeconds(-30));

        assertThat(load.readValuesToList()).containsExactly(l181(1, 1, 1, 0), l181(0, 0, 1, 0));
        assertThat(load.isEmpty()).isTrue();
    }

    @Test
    void shouldKeepCallFinishedWhenItsEndArrivesBeforeItsStart() {
        send("a2", "c1", CallEventType.ENDED, Duration.ofSeconds(-10));
        send("a1", "c1", CallEventType.STARTED, Duration.ofSeconds(-50));

        assertThat(load.readValuesToList()).containsExactly(l181(0, 0, 0, 0), l181(0, 0, 1, 0));
        assertThat(load.isEmpty()).isTrue();
        assertThat(driver.<CallState>store(CallLoadTopology.CALL_STORE).get("181|c1").done()).isTrue();
    }

    @Test
    void shouldExpireStuckCall() {
        send("a1", "c1", CallEventType.STARTED, minutes(-10));
        send("a2", "c1", CallEventType.ANSWERED, minutes(-9));
        send("b1", "c2", CallEventType.STARTED, Duration.ofSeconds(-30));
        assertThat(load.readValuesToList()).as("only c2 started within the last minute")
                .containsExactly(l181(1, 1, 0, 0), l181(1, 0, 0, 0), l181(2, 1, 1, 0));

        driver.advance(hours(1).plus(minutes(50)), Duration.ofMinutes(1));
        assertThat(line181()).as("the minute's start falls out; nothing expires before 2 h").containsExactly(l181(2, 1, 0, 0));

        driver.advance(minutes(2), Duration.ofMinutes(1));
        assertThat(line181()).as("c1's last step was 2 h 1 min ago").containsExactly(l181(1, 1, 0, 1));
        driver.advance(minutes(10), Duration.ofMinutes(1));
        assertThat(line181()).containsExactly(l181(0, 0, 0, 2));
        assertThat(load.isEmpty()).isTrue();

        // an end arriving after the expiry changes nothing: the call is already over
        send("a3", "c1", CallEventType.ENDED, minutes(5));
        assertThat(load.isEmpty()).isTrue();
    }

    @Test
    void shouldForgetFinishedCallsAndTheirIndexAfterTheStuckTime() {
        send("a1", "c1", CallEventType.STARTED, Duration.ofSeconds(-50));
        send("a2", "c1", CallEventType.ENDED, Duration.ofSeconds(-10));
        send("b1", "c2", CallEventType.STARTED, Duration.ofSeconds(-5));
        driver.advance(hours(2).plus(minutes(1)), minutes(1));

        assertThat(line181()).last().isEqualTo(l181(0, 0, 0, 1));
        driver.advance(minutes(1), minutes(1));
        assertThat(driver.keys(CallLoadTopology.CALL_STORE)).as("the finished call and, after its expiry, the stuck one are forgotten")
                .isEmpty();
        assertThat(driver.keys(CallLoadTopology.LAST_STEP_STORE)).isEmpty();
    }

    @Test
    void shouldAnnounceConfiguredLinesWithNoCalls() {
        driver.advance(Duration.ofSeconds(5));

        assertThat(load.readKeyValuesToMap()).containsOnlyKeys("181", "104", "1075", "district-control", "worker-helpline")
                .containsEntry("104", new LineLoad("104", 0, 200, 0, 0, 0.0, 0))
                .containsEntry("181", l181(0, 0, 0, 0));
        driver.advance(Duration.ofSeconds(5));
        assertThat(load.isEmpty()).isTrue();
    }
}
