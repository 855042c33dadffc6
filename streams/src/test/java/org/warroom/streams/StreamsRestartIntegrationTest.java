package org.warroom.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.testkit.Eventually.eventually;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.event.CallEventType;
import org.warroom.contracts.event.CallStep;
import org.warroom.contracts.event.Channel;
import org.warroom.contracts.event.CitizenMessage;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.event.DeadLetter;
import org.warroom.contracts.event.DistrictReport;
import org.warroom.contracts.event.StockItem;
import org.warroom.contracts.event.TicketEventType;
import org.warroom.contracts.event.TicketStep;
import org.warroom.contracts.event.WorkerRecord;
import org.warroom.contracts.event.WorkerSource;
import org.warroom.contracts.event.WorkerStatus;
import org.warroom.contracts.result.Alert;
import org.warroom.contracts.result.BacklogStatus;
import org.warroom.contracts.result.DistributionBucket;
import org.warroom.contracts.result.LineLoad;
import org.warroom.contracts.result.ShortageLevel;
import org.warroom.contracts.result.ShortageStatus;
import org.warroom.contracts.result.WorkerTotals;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.contracts.topic.Topic;
import org.warroom.contracts.topic.Topics;
import org.warroom.streams.config.WarroomStreamsConfig;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealKafka;

/**
 * On a real broker, with exactly-once: feed half a known stream, close the streams service without cleanup, start a
 * new instance on the same state directory and application id, feed the rest (with duplicates and a bad record),
 * and check that every result is exact: nothing lost, nothing counted twice.
 */
@ExtendWith(RealKafka.class)
class StreamsRestartIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String BHOPAL = "396";

    private final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHoursMinutes(5, 30));

    @Test
    void shouldResumeAfterRestartWithoutLossOrDoubleCounting(LocalKafka kafka) throws Exception {
        Path state = Files.createTempDirectory("warroom-streams-it");
        Settings settings = kafka.settings().with(Map.of(
                "streams.application.id", "warroom-it-" + System.nanoTime(),
                "streams.state.dir", state.toString(),
                "management.host", "127.0.0.1",
                "management.port", "0",
                "streams.punctuate.interval", "1s",
                "sla.water", "20s"));
        WarroomStreamsConfig config = WarroomStreamsConfig.from(settings);
        Map<String, Object> client = kafka.kafkaSettings().client();

        try (Results results = new Results(client);
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(client, new ByteArraySerializer(), new ByteArraySerializer())) {
            Feed feed = new Feed(producer);

            StreamsService first = StreamsService.start(config);
            try {
                awaitRunning(first);
                assertThat(health(first.managementPort())).isEqualTo(200);

                feed.send(Topics.REPORTS, BHOPAL, report("r1", -10, stock(Commodity.MEDICINE, 20, 10), stock(Commodity.RATION, 100, 10)));
                feed.send(Topics.TICKETS, "t1", ticket("s1", "t1", "food", "ration", TicketEventType.OPENED, -30));
                feed.send(Topics.TICKETS, "t2", ticket("s2", "t2", "food", "ration", TicketEventType.OPENED, -25));
                feed.send(Topics.TICKETS, "t3", ticket("s3", "t3", "health", "health", TicketEventType.OPENED, -20));
                feed.send(Topics.TICKETS, "t1", ticket("s4", "t1", "food", "ration", TicketEventType.RESOLVED, -15));
                // overdue 20 s after the test starts: before or after the restart, counted once
                feed.send(Topics.TICKETS, "t5", ticket("s7", "t5", "water", "water", TicketEventType.OPENED, 0));
                feed.send(Topics.CALLS, "c1", call("a1", "c1", CallEventType.STARTED, -5));
                feed.send(Topics.CALLS, "c2", call("b1", "c2", CallEventType.STARTED, -5));
                feed.send(Topics.CALLS, "c2", call("b2", "c2", CallEventType.ANSWERED, -4));
                feed.send(Topics.CALLS, "c3", call("c1", "c3", CallEventType.STARTED, -5));
                feed.send(Topics.CALLS, "c3", call("c2", "c3", CallEventType.ENDED, -3));
                feed.send(Topics.WORKERS, "w1", worker("w1", "27", "519"));
                feed.send(Topics.WORKERS, "w2", worker("w2", "27", "519"));
                feed.send(Topics.WORKERS, "w3", worker("w3", "10", "230"));
                producer.flush();

                eventually(WAIT, () -> {
                    results.poll();
                    assertThat(results.latest(ResultTopics.BACKLOGS, "396|food")).extracting(BacklogStatus::open).isEqualTo(1);
                    assertThat(results.latest(ResultTopics.BACKLOGS, "396|water")).extracting(BacklogStatus::open).isEqualTo(1);
                    assertThat(results.latest(ResultTopics.CALL_LOAD, "181")).extracting(LineLoad::inProgress).isEqualTo(2);
                    assertThat(results.latest(ResultTopics.WORKER_DISTRIBUTION, "currentState|27"))
                            .extracting(DistributionBucket::count).isEqualTo(2L);
                    assertThat(results.latest(ResultTopics.SHORTAGES, "396|medicine"))
                            .extracting(ShortageStatus::status).isEqualTo(ShortageLevel.CRITICAL);
                    assertThat(results.all(ResultTopics.ALERTS)).isNotEmpty();
                });
            } finally {
                first.close(); // no cleanUp: the local state stays
            }
            assertThat(first.state()).isEqualTo(KafkaStreams.State.NOT_RUNNING);

            // while it is down, the second half arrives
            feed.send(Topics.REPORTS, BHOPAL, report("r2", -5, stock(Commodity.MEDICINE, 15, 10), stock(Commodity.RATION, 95, 10)));
            feed.send(Topics.TICKETS, "t2", ticket("s5", "t2", "food", "ration", TicketEventType.RESOLVED, -2));
            feed.send(Topics.TICKETS, "t1", ticket("s4", "t1", "food", "ration", TicketEventType.RESOLVED, -15)); // re-sent
            feed.send(Topics.TICKETS, "t4", ticket("s6", "t4", "food", "ration", TicketEventType.OPENED, -1));
            feed.send(Topics.TICKETS, "t6", ticket("s8", "t6", "water", "water", TicketEventType.OPENED, 0));
            feed.send(Topics.CALLS, "c1", call("a2", "c1", CallEventType.ENDED, -1));
            feed.send(Topics.CALLS, "c2", call("b2", "c2", CallEventType.ANSWERED, -4)); // re-sent
            feed.send(Topics.WORKERS, "w1", worker("w1", "10", "230"));                  // moves home
            feed.send(Topics.WORKERS, "w2", worker("w2", "27", "519"));                  // unchanged, re-sent
            feed.send(Topics.MESSAGES, "m1", message("m1"));
            feed.send(Topics.MESSAGES, "m1", message("m1"));                             // re-sent
            producer.send(new ProducerRecord<>(Topics.REPORTS.name(), BHOPAL.getBytes(StandardCharsets.UTF_8),
                    "{broken".getBytes(StandardCharsets.UTF_8))).get();
            producer.flush();

            try (StreamsService second = StreamsService.start(config)) {
                awaitRunning(second);
                eventually(WAIT, () -> {
                    results.poll();
                    ShortageStatus medicine = results.latest(ResultTopics.SHORTAGES, "396|medicine");
                    assertThat(medicine.stock()).isEqualTo(15.0);
                    assertThat(medicine.daysOfCover()).isEqualTo(1.5);
                    assertThat(medicine.signalsLastHour()).isEqualTo(1);
                    assertThat(medicine.reportId()).isEqualTo("r2");

                    assertThat(results.latest(ResultTopics.BACKLOGS, "396|food"))
                            .isEqualTo(new BacklogStatus(BHOPAL, "food", 1, at(-1), 0, 3, 2, 0));
                    assertThat(results.latest(ResultTopics.BACKLOGS, "396|health"))
                            .isEqualTo(new BacklogStatus(BHOPAL, "health", 1, at(-20), 0, 1, 0, 0));
                    assertThat(results.latest(ResultTopics.BACKLOGS, "396|water")).as("both overdue, each once")
                            .isEqualTo(new BacklogStatus(BHOPAL, "water", 2, at(0), 2, 2, 0, 0));

                    LineLoad line = results.latest(ResultTopics.CALL_LOAD, "181");
                    assertThat(line.inProgress()).isEqualTo(1);
                    assertThat(line.waiting()).isEqualTo(0);
                    assertThat(line.expired()).isEqualTo(0);

                    assertThat(results.latest(ResultTopics.WORKER_DISTRIBUTION, "currentState|27").count()).isEqualTo(1);
                    assertThat(results.latest(ResultTopics.WORKER_DISTRIBUTION, "currentState|10").count()).isEqualTo(2);
                    assertThat(results.latest(ResultTopics.WORKER_DISTRIBUTION, "currentDistrict|519").count()).isEqualTo(1);
                    assertThat(results.latest(ResultTopics.WORKER_DISTRIBUTION, "currentDistrict|230").count()).isEqualTo(2);
                    assertThat(results.latest(ResultTopics.WORKER_DISTRIBUTION, "skill|mason").count()).isEqualTo(3);
                    assertThat(results.latest(ResultTopics.WORKER_TOTALS, WorkerTotals.KEY).total()).isEqualTo(3);

                    List<DeadLetter> letters = results.all(Topics.DEAD_LETTER);
                    assertThat(letters).anySatisfy(l -> {
                        assertThat(l.feed()).isEqualTo(Topics.REPORTS.name());
                        assertThat(l.stage()).isEqualTo("streams");
                        assertThat(l.raw()).isEqualTo("{broken");
                    });
                });
                // the critical medicine shortage is one alert episode across the restart, not two
                assertThat(results.all(ResultTopics.ALERTS).stream()
                        .filter(a -> a.rule().equals("shortage-critical") && BHOPAL.equals(a.district())).map(Alert::id).distinct())
                        .hasSize(1);
                assertThat(health(second.managementPort())).isEqualTo(200);
            }
        }
    }

    private OffsetDateTime at(int minutes) {
        return now.plusMinutes(minutes);
    }

    private static StockItem stock(Commodity commodity, double stock, double need) {
        return new StockItem(commodity, stock, need, null, "units");
    }

    private DistrictReport report(String id, int minutes, StockItem... items) {
        return new DistrictReport(id, BHOPAL, at(minutes), List.of(items), "it");
    }

    private TicketStep ticket(String step, String ticket, String department, String category, TicketEventType event, int minutes) {
        return new TicketStep(step, ticket, BHOPAL, department, category, null, event, at(minutes), null, null, null, "it");
    }

    private CallStep call(String step, String call, CallEventType event, int minutes) {
        return new CallStep(step, call, "181", BHOPAL, event, at(minutes), "+919800000001", null, "it");
    }

    private WorkerRecord worker(String id, String state, String district) {
        return new WorkerRecord(id, "name", "+919800000002", "230", List.of("mason"), WorkerStatus.WORKING, state,
                district, null, WorkerSource.REGISTRY, now);
    }

    private CitizenMessage message(String id) {
        return new CitizenMessage(id, Channel.WHATSAPP, "+919800000003", "दवा नहीं है", at(-1), BHOPAL, "hi",
                CitizenMessage.DISTRICT_GIVEN, List.of(Commodity.MEDICINE), null, "it");
    }

    private static void awaitRunning(StreamsService service) {
        eventually(WAIT, () -> assertThat(service.state()).isEqualTo(KafkaStreams.State.RUNNING));
    }

    private static int health(int port) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }

    /** Sends typed events with the topic's own serdes. */
    private record Feed(KafkaProducer<byte[], byte[]> producer) {
        <V> void send(Topic<String, V> topic, String key, V value) throws Exception {
            producer.send(new ProducerRecord<>(topic.name(), topic.keySerde().serializer().serialize(topic.name(), key),
                    topic.valueSerde().serializer().serialize(topic.name(), value))).get();
        }
    }

    /** Reads every output topic from the beginning (committed transactions only), keeping all records. */
    private static final class Results implements AutoCloseable {
        private final KafkaConsumer<byte[], byte[]> consumer;
        private final Map<String, List<ConsumerRecord<byte[], byte[]>>> records = new HashMap<>();

        Results(Map<String, Object> client) {
            Map<String, Object> config = new HashMap<>(client);
            config.put("group.id", "it-results-" + System.nanoTime());
            config.put("auto.offset.reset", "earliest");
            config.put("isolation.level", "read_committed");
            consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            List<String> topics = new ArrayList<>(ResultTopics.all().stream().map(Topic::name).toList());
            topics.add(Topics.DEAD_LETTER.name());
            consumer.subscribe(topics);
        }

        void poll() {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                records.computeIfAbsent(r.topic(), t -> new ArrayList<>()).add(r);
            }
        }

        <V> List<V> all(Topic<String, V> topic) {
            return records.getOrDefault(topic.name(), List.of()).stream()
                    .map(r -> topic.valueSerde().deserializer().deserialize(topic.name(), r.value())).toList();
        }

        <V> V latest(Topic<String, V> topic, String key) {
            V latest = null;
            for (ConsumerRecord<byte[], byte[]> r : records.getOrDefault(topic.name(), List.of())) {
                if (key.equals(topic.keySerde().deserializer().deserialize(topic.name(), r.key()))) {
                    latest = topic.valueSerde().deserializer().deserialize(topic.name(), r.value());
                }
            }
            if (latest == null) {
                throw new AssertionError("no " + topic.name() + " record for " + key + " yet");
            }
            return latest;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

}
