package org.warroom.tools.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.tools.verify.Events.call;
import static org.warroom.tools.verify.Events.message;
import static org.warroom.tools.verify.Events.millis;
import static org.warroom.tools.verify.Events.min;
import static org.warroom.tools.verify.Events.report;
import static org.warroom.tools.verify.Events.ticket;
import static org.warroom.tools.verify.Events.worker;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.event.CallEventType;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.event.TicketEventType;
import org.warroom.contracts.event.WorkerStatus;
import org.warroom.contracts.json.Json;
import org.warroom.contracts.topic.Topic;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealKafka;

/** The feeds read from a real broker (read-committed, in offset order) and recomputed to exact figures. */
@ExtendWith(RealKafka.class)
class FeedReaderIntegrationTest {

    @Test
    @DisplayName("a handful of feed records on a real broker give exact shortages, backlogs, call load, buckets and document counts")
    void shouldRecomputeFromTheRealTopics(LocalKafka kafka) throws Exception {
        String suffix = ".verify" + System.nanoTime();
        List<Topic<?, ?>> topics = FeedReader.topics().stream()
                .<Topic<?, ?>>map(t -> new Topic<>(t.name() + suffix, t.keySerde(), t.valueSerde(), t.compacted()))
                .toList();
        kafka.ensure(topics);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "verify-test" + suffix);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            send(producer, "warroom.reports" + suffix, "396", report("r1", "396", min(0), Commodity.RATION, 300, 100));
            send(producer, "warroom.reports" + suffix, "396", report("r2", "396", min(10), Commodity.RATION, 150, 100));
            send(producer, "warroom.reports" + suffix, "396", report("r0", "396", min(-60), Commodity.RATION, 9999, 100));
            send(producer, "warroom.tickets" + suffix, "t1", ticket("a1", "t1", "396", "health", "health", TicketEventType.OPENED, min(0)));
            send(producer, "warroom.tickets" + suffix, "t2", ticket("b1", "t2", "396", "health", "health", TicketEventType.OPENED, min(0)));
            send(producer, "warroom.tickets" + suffix, "t2", ticket("b2", "t2", "396", "health", null, TicketEventType.RESOLVED, min(5)));
            send(producer, "warroom.calls" + suffix, "c1", call("c1s", "c1", "181", CallEventType.STARTED, min(0)));
            send(producer, "warroom.calls" + suffix, "c2", call("c2s", "c2", "104", CallEventType.STARTED, min(0)));
            send(producer, "warroom.calls" + suffix, "c2", call("c2e", "c2", "104", CallEventType.ENDED, min(3)));
            send(producer, "warroom.messages" + suffix, "m1", message("m1", "396", min(20), Commodity.MILK));
            send(producer, "warroom.workers" + suffix, "w1", worker("w1", "396", "23", "397", WorkerStatus.WORKING, "mason"));
            send(producer, "warroom.workers" + suffix, "w1", worker("w1", "396", "23", "396", WorkerStatus.WORKING, "Mason"));
            send(producer, "warroom.workers" + suffix, "w2", worker("w2", "397", null, null, WorkerStatus.HOME));
            send(producer, "warroom.workers" + suffix, "w3", worker("w3", "398", "10", "398", WorkerStatus.HOME));
            producer.send(new ProducerRecord<>("warroom.workers" + suffix, "w3", null)); // w3 leaves the registry
            send(producer, "warroom.calls" + suffix, "c3", "not json".getBytes());        // unreadable
            producer.commitTransaction();
            producer.beginTransaction(); // aborted: never counted
            send(producer, "warroom.reports" + suffix, "396", report("r9", "396", min(20), Commodity.RATION, 1, 100));
            producer.flush();
            producer.abortTransaction();
        }

        Properties c = new Properties();
        c.put("bootstrap.servers", kafka.bootstrap());
        Feeds feeds = new FeedReader(c, Duration.ofSeconds(60), suffix).read();
        Rules rules = Rules.defaults();
        long now = millis(30);

        Map<String, Recompute.Stock> stock = Recompute.latestStock(feeds.reports);
        assertThat(stock).containsOnlyKeys("396|ration");
        assertThat(stock.get("396|ration").stock()).isEqualTo(150);
        assertThat(stock.get("396|ration").daysOfCover()).isEqualTo(1.5);
        assertThat(Recompute.status(stock.get("396|ration"), rules, now)).isEqualTo("CRITICAL");
        assertThat(Recompute.signalsLastHour(Recompute.signals(feeds.messages, feeds.tickets), rules, now))
                .containsExactlyEntriesOf(Map.of("396|milk", 1));

        Set<String> groups = new HashSet<>();
        Map<String, Recompute.Ticket> tickets = Recompute.tickets(feeds.tickets, groups);
        assertThat(Recompute.backlogs(tickets, groups, rules, now))
                .containsExactlyEntriesOf(Map.of("396|health", new Recompute.Backlog(1, 0, min(0))));
        assertThat(Recompute.backlogs(tickets, groups, rules, millis(61)).get("396|health").slaBreaches()).isEqualTo(1);

        Map<String, Recompute.Load> load = Recompute.callLoad(feeds.calls, rules, now);
        assertThat(load.get("181")).isEqualTo(new Recompute.Load(1, 1, 500));
        assertThat(load.get("104")).isEqualTo(new Recompute.Load(0, 0, 200));

        Map<String, Map<String, Long>> buckets = Recompute.distributions(feeds.workers);
        assertThat(buckets.get("currentDistrict")).containsExactlyInAnyOrderEntriesOf(Map.of("396", 1L, "unknown", 1L));
        assertThat(buckets.get("skill")).containsExactlyInAnyOrderEntriesOf(Map.of("mason", 1L));
        assertThat(buckets.get("status")).containsExactlyInAnyOrderEntriesOf(Map.of("working", 1L, "home", 1L));

        assertThat(Verifier.expectedDocuments(feeds)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "calls", 3L, "tickets", 3L, "messages", 1L, "reports", 3L, "workers", 2L));
        assertThat(feeds.unreadable).containsExactlyEntriesOf(Map.of("warroom.calls" + suffix, 1));
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, String key, Object value) throws Exception {
        byte[] bytes = value instanceof byte[] b ? b : Json.mapper().writeValueAsBytes(value);
        producer.send(new ProducerRecord<>(topic, key, bytes));
    }
}
