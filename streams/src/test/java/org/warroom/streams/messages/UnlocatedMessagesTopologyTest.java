package org.warroom.streams.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.streams.Events.message;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.event.CitizenMessage;
import org.warroom.contracts.result.UnlocatedMessages;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.contracts.topic.Topics;
import org.warroom.streams.TestDriver;

class UnlocatedMessagesTopologyTest {
    private TestDriver driver;
    private TestInputTopic<String, CitizenMessage> messages;
    private TestOutputTopic<String, UnlocatedMessages> unlocated;

    @BeforeEach
    void start() {
        driver = TestDriver.of(sources -> UnlocatedMessagesTopology.build(sources, TestDriver.rules()));
        messages = driver.input(Topics.MESSAGES);
        unlocated = driver.output(ResultTopics.UNLOCATED_MESSAGES);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void send(String id, String district, Duration at) {
        CitizenMessage m = message(id, district, at);
        messages.pipeInput(id, m, m.at().toInstant());
    }

    private List<Integer> counts() {
        return unlocated.readValuesToList().stream().map(UnlocatedMessages::lastHour).toList();
    }

    @Test
    void shouldCountDistinctUnlocatedMessagesOfTheLastHour() {
        send("m1", null, Duration.ofMinutes(-50));
        send("m2", "396", Duration.ofMinutes(-40));
        send("m3", null, Duration.ofMinutes(-30));
        send("m1", null, Duration.ofMinutes(-50));
        send("m4", null, Duration.ofMinutes(-61));
        send("m5", null, Duration.ofMinutes(2));

        assertThat(counts()).as("m2 has a district, m1 repeated, m4 already too old; m5 ahead of our clock counts")
                .containsExactly(1, 2, 3);

        driver.advance(Duration.ofMinutes(11), Duration.ofSeconds(5));
        assertThat(counts()).as("m1 (at −50 min) leaves the window after 10 min").containsExactly(2);
        driver.advance(Duration.ofMinutes(60), Duration.ofSeconds(5));
        assertThat(counts()).containsExactly(1, 0);
        assertThat(driver.keys("unlocated-ids-seen")).isEmpty();
        assertThat(driver.keys("unlocated-ids-expiry")).isEmpty();
    }

    @Test
    void shouldCountARepeatedIdOnlyOnceEvenAfterOthersExpired() {
        send("old", null, Duration.ofMinutes(-59));
        send("new", null, Duration.ofMinutes(-1));
        driver.advance(Duration.ofMinutes(2), Duration.ofSeconds(5));
        send("new", null, Duration.ofMinutes(-1));

        assertThat(counts()).containsExactly(1, 2, 1);
    }

    @Test
    void shouldTakeAPlacedMessageOutOnceAndForGood() {
        send("u1", null, Duration.ofMinutes(-20));
        send("u2", null, Duration.ofMinutes(-10));
        CitizenMessage u1 = message("u1", null, Duration.ofMinutes(-20));
        messages.pipeInput("u1", u1.placedIn("396"), u1.at().toInstant()); // an operator placed it (triage)
        messages.pipeInput("u1", u1.placedIn("396"), u1.at().toInstant()); // delivered twice
        send("u1", null, Duration.ofMinutes(-20)); // a late copy of the unplaced message

        assertThat(counts()).as("placed: one less, once; its copies count no more").containsExactly(1, 2, 1);
        driver.advance(Duration.ofMinutes(45), Duration.ofSeconds(5));
        assertThat(counts()).as("u1's removed entry leaves the window without taking u2 along").isEmpty();
        driver.advance(Duration.ofMinutes(10), Duration.ofSeconds(5));
        assertThat(counts()).containsExactly(0);
        assertThat(driver.keys("unlocated-ids-seen")).isEmpty();
        assertThat(driver.keys("unlocated-ids-expiry")).isEmpty();
    }

    @Test
    void shouldNotCountAnUnplacedMessageWhosePlacementCameFirst() {
        CitizenMessage u1 = message("u1", null, Duration.ofMinutes(-5));
        messages.pipeInput("u1", u1.placedIn("396"), u1.at().toInstant());
        send("u1", null, Duration.ofMinutes(-5));
        send("u2", null, Duration.ofMinutes(-5));

        assertThat(counts()).as("0 first (nothing counted yet), then u2 only").containsExactly(0, 1);
    }

    @Test
    void shouldKeepEveryIdOfABusyHourWithoutOneGrowingValue() {
        // One value holding every id of the hour grew past Kafka's 1 MiB record limit at all-India rates and stopped
        // the stream thread; ids are now one small record each.
        int n = 3_000;
        for (int i = 0; i < n; i++) {
            send("busy-" + i, null, Duration.ofMillis(-3_000_000L + i * 1_000L));
        }
        List<Integer> seen = counts();
        assertThat(seen).hasSize(n);
        assertThat(seen.get(n - 1)).isEqualTo(n);
        driver.advance(Duration.ofMinutes(15), Duration.ofMinutes(1));
        assertThat(counts()).as("the 301 ids at or before now − 1 h have left").last().isEqualTo(n - 301);
    }
}
