package org.warroom.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.testkit.Eventually.eventually;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.event.CallEventType;
import org.warroom.contracts.event.CallStep;
import org.warroom.contracts.result.LineLoad;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.contracts.topic.Topics;
import org.warroom.streams.config.WarroomStreamsConfig;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealKafka;

/**
 * Issue 19, defect 4, on a real broker with the call-load input in 3 partitions (so 3 tasks, each owning some lines):
 * the batch of calls x1–x4 on line 181 and x5 on line 104, sent as soon as a fresh application runs. Every task
 * used to announce every configured line at 0 at its first wall-clock sweep, so the tasks that do not own a line
 * overwrote its count with 0 a few seconds later (line 104 stayed at 0). Lines are named for this run so that other
 * tests' calls on the shared broker do not count.
 */
@ExtendWith(RealKafka.class)
class CallLoadOnPartitionsIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    @DisplayName("line 104's call and line 181's two calls in progress stay counted after every task's sweep")
    void quietLineStaysCounted(LocalKafka kafka) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String l181 = "181-" + run;
        String l104 = "104-" + run;
        String l1075 = "1075-" + run;
        Path state = Files.createTempDirectory("warroom-call-load-it");
        WarroomStreamsConfig config = WarroomStreamsConfig.from(kafka.settings().with(Map.of(
                "streams.application.id", "warroom-call-load-it-" + run,
                "streams.state.dir", state.toString(),
                "management.host", "127.0.0.1",
                "management.port", "0",
                "streams.punctuate.interval", "2s",
                "lines", l181 + "," + l104 + "," + l1075,
                "line.capacity." + l181, "500",
                "line.capacity." + l104, "200",
                "line.capacity." + l1075, "100")));
        Map<String, Object> client = kafka.kafkaSettings().client();
        OffsetDateTime minuteAgo = OffsetDateTime.now(ZoneOffset.ofHoursMinutes(5, 30)).minusMinutes(1);

        try (StreamsService streams = StreamsService.start(config);
             KafkaProducer<String, CallStep> producer = new KafkaProducer<>(client,
                     Topics.CALLS.keySerde().serializer(), Topics.CALLS.valueSerde().serializer());
             KafkaConsumer<String, LineLoad> results = resultReader(client)) {
            eventually(WAIT, () -> assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING));

            Object[][] batch = {
                    {"x1", l181, CallEventType.STARTED}, {"x2", l181, CallEventType.STARTED},
                    {"x3", l181, CallEventType.STARTED}, {"x1", l181, CallEventType.ANSWERED},
                    {"x2", l181, CallEventType.ENDED}, {"x4", l181, CallEventType.ABANDONED},
                    {"x5", l104, CallEventType.STARTED}};
            int n = 0;
            for (Object[] s : batch) {
                String call = s[0] + "-" + run;
                producer.send(new ProducerRecord<>(Topics.CALLS.name(), call, new CallStep(call + "-" + (++n), call,
                        (String) s[1], "396", (CallEventType) s[2], minuteAgo, "+919800000001", null, "it")));
            }
            producer.flush();
            Instant sent = Instant.now();

            Map<String, LineLoad> latest = new HashMap<>();
            Map<String, Integer> sends = new HashMap<>();
            // Polled until well past two sweeps of every task (2 s each) after the batch: the counts must hold.
            eventually(WAIT, () -> {
                for (ConsumerRecord<String, LineLoad> r : results.poll(Duration.ofMillis(200))) {
                    if (r.key().endsWith("-" + run)) {
                        latest.put(r.key(), r.value());
                        sends.merge(r.key(), 1, Integer::sum);
                    }
                }
                assertThat(Duration.between(sent, Instant.now())).isGreaterThan(Duration.ofSeconds(7));
                assertThat(latest.get(l181)).as("line 181").extracting(LineLoad::inProgress).isEqualTo(2);
                assertThat(latest.get(l104)).as("line 104").extracting(LineLoad::inProgress).isEqualTo(1);
                assertThat(latest.get(l1075)).as("a configured line with no call is announced")
                        .isEqualTo(new LineLoad(l1075, 0, 100, 0, 0, 0.0, 0));
                assertThat(sends.get(l1075)).as("by the one task that owns it").isEqualTo(1);
            });
        } finally {
            try (var files = Files.walk(state)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static KafkaConsumer<String, LineLoad> resultReader(Map<String, Object> client) {
        Map<String, Object> config = new HashMap<>(client);
        config.put("group.id", "call-load-it-" + UUID.randomUUID());
        config.put("auto.offset.reset", "earliest");
        config.put("isolation.level", "read_committed");
        KafkaConsumer<String, LineLoad> consumer = new KafkaConsumer<>(config,
                ResultTopics.CALL_LOAD.keySerde().deserializer(), ResultTopics.CALL_LOAD.valueSerde().deserializer());
        consumer.subscribe(List.of(ResultTopics.CALL_LOAD.name()));
        return consumer;
    }
}
