package org.warroom.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.testkit.Eventually.eventually;
import static org.warroom.testkit.FeedEvents.BHOPAL;
import static org.warroom.testkit.FeedEvents.INDORE;
import static org.warroom.testkit.FeedEvents.T0;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.directive.Directive;
import org.warroom.contracts.directive.DirectiveAction;
import org.warroom.contracts.directive.DirectiveLifecycle;
import org.warroom.contracts.directive.DirectiveOrder;
import org.warroom.contracts.directive.DirectiveRequest;
import org.warroom.contracts.directive.DirectiveTopics;
import org.warroom.contracts.event.CallEventType;
import org.warroom.contracts.event.CitizenMessage;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.event.DeadLetter;
import org.warroom.contracts.event.TicketEventType;
import org.warroom.contracts.event.WorkerStatus;
import org.warroom.contracts.notify.ChannelKind;
import org.warroom.contracts.notify.Delivery;
import org.warroom.contracts.notify.NotifyTopics;
import org.warroom.contracts.result.Alert;
import org.warroom.contracts.result.AlertState;
import org.warroom.contracts.result.Severity;
import org.warroom.contracts.result.ShortageLevel;
import org.warroom.contracts.result.ShortageStatus;
import org.warroom.contracts.shift.Handover;
import org.warroom.contracts.shift.HandoverDraft;
import org.warroom.contracts.shift.HandoverItem;
import org.warroom.contracts.shift.HandoverState;
import org.warroom.contracts.shift.ShiftLogEntry;
import org.warroom.contracts.shift.ShiftTopics;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.contracts.topic.Topic;
import org.warroom.contracts.topic.Topics;
import org.warroom.elastic.DependencyHealth;
import org.warroom.elastic.ElasticClientFactory;
import org.warroom.elastic.IndexFamily;
import org.warroom.elastic.IndexNames;
import org.warroom.elastic.IndexTemplates;
import org.warroom.testkit.FeedEvents;
import org.warroom.testkit.LocalElasticsearch;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealElasticsearch;
import org.warroom.testkit.RealKafka;
import org.warroom.testkit.Scrape;

/** The indexer against the real broker and the real Elasticsearch node. */
@ExtendWith({RealKafka.class, RealElasticsearch.class})
class IndexerIntegrationTest {
    private static final Duration WITHIN = Duration.ofSeconds(90);
    private final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeAll
    static void topics(LocalKafka kafka) {
        kafka.ensure(Topics.feeds());
        kafka.ensure(ResultTopics.all());
        kafka.ensure(List.of(new Topic<>(DocumentMapper.AUDIT_TOPIC, Serdes.String(), Serdes.ByteArray(), false),
                NotifyTopics.DELIVERIES));
        kafka.ensure(DirectiveTopics.all());
        kafka.ensure(ShiftTopics.all());
        kafka.ensure(List.of(org.warroom.contracts.campaign.CampaignTopics.CALLS));
        kafka.ensure(org.warroom.contracts.complaint.ComplaintTopics.all());
    }

    @Test
    @DisplayName("a campaign worker's calls record: one document per attempt (no phone, no name), once each, also on replay")
    void shouldIndexCampaignAttempts(LocalKafka kafka, LocalElasticsearch es) {
        String run = "run" + System.nanoTime();
        IndexerConfig config = config(kafka, es.url(), run, run + "-a");
        ElasticsearchClient client = client(config);
        IndexTemplates.install(client, config.elastic());
        Indexer indexer = start(config, client);
        String campaign = run + "-c";
        java.time.Instant first = java.time.Instant.parse("2026-12-07T06:30:00Z");
        org.warroom.contracts.campaign.CallAttempt unanswered = new org.warroom.contracts.campaign.CallAttempt(1, "asha",
                "l-1", org.warroom.contracts.campaign.CallOutcome.NOT_REACHABLE, null, null, null, null,
                "phone was off, tried +919876543210", first, "exotel:exo1");
        org.warroom.contracts.campaign.WorkerCalls once = new org.warroom.contracts.campaign.WorkerCalls(campaign, "bw7",
                List.of(unanswered), BHOPAL);
        org.warroom.contracts.campaign.WorkerCalls twice = once.with(new org.warroom.contracts.campaign.CallAttempt(2,
                "ravi", "l-2", org.warroom.contracts.campaign.CallOutcome.VERIFIED, "27", "519", "working", null, null,
                first.plus(Duration.ofHours(3)), null));
        try (TestFeed feed = new TestFeed(kafka)) {
            feed.send(org.warroom.contracts.campaign.CampaignTopics.CALLS, campaign + "/bw7", once);
            feed.send(org.warroom.contracts.campaign.CampaignTopics.CALLS, campaign + "/bw7", twice);
        }
        IndexNames names = config.elastic().names();
        eventually(WITHIN, () -> {
            assertThat(count(client, names, IndexFamily.CAMPAIGN_CALLS, run)).isEqualTo(2);
            JsonNode a1 = source(client, names.pattern(IndexFamily.CAMPAIGN_CALLS), campaign + "/bw7/1");
            assertThat(a1.get("campaign").asText()).isEqualTo(campaign);
            assertThat(a1.get("worker").asText()).isEqualTo("bw7");
            assertThat(a1.get("agent").asText()).isEqualTo("asha");
            assertThat(a1.get("outcome").asText()).isEqualTo("not-reachable");
            assertThat(a1.get("reached").asBoolean()).isFalse();
            assertThat(a1.get("district").asText()).isEqualTo(BHOPAL);
            assertThat(a1.get("homeDistrict").asText()).isEqualTo(BHOPAL);
            assertThat(a1.get("call").asText()).isEqualTo("exotel:exo1");
            assertThat(a1.get("at").asText()).isEqualTo("2026-12-07T06:30:00Z");
            assertThat(a1.toString()).as("no phone, no name, no note").doesNotContain("9876543210").doesNotContain("note");
            JsonNode a2 = source(client, names.pattern(IndexFamily.CAMPAIGN_CALLS), campaign + "/bw7/2");
            assertThat(a2.get("outcome").asText()).isEqualTo("verified");
            assertThat(a2.get("reached").asBoolean()).isTrue();
            assertThat(a2.get("currentState").asText()).isEqualTo("27");
            assertThat(a2.get("currentDistrict").asText()).isEqualTo("519");
            assertThat(a2.get("agent").asText()).isEqualTo("ravi");
        });
        eventually(WITHIN, () -> assertThat(indexer.metrics().lag()).isZero());
        Indexer replay = start(config(kafka, es.url(), run, run + "-replay"), client);
        eventually(WITHIN, () -> assertThat(replay.metrics().lag()).isZero());
        assertThat(count(client, names, IndexFamily.CAMPAIGN_CALLS, run)).isEqualTo(2);
    }

    @Test
    @DisplayName("desk complaints are indexed by number with phone, search keys and full history; the latest version wins, also on replay")
    void shouldIndexComplaints(LocalKafka kafka, LocalElasticsearch es) {
        String run = "run" + System.nanoTime();
        IndexerConfig config = config(kafka, es.url(), run, run + "-c");
        ElasticsearchClient client = client(config);
        IndexTemplates.install(client, config.elastic());
        Indexer indexer = start(config, client);
        org.warroom.contracts.complaint.ComplaintLifecycle lifecycle = new org.warroom.contracts.complaint.ComplaintLifecycle(
                org.warroom.contracts.complaint.ComplaintSla.defaults());
        long sequence = System.nanoTime() % 900_000 + 1;
        org.warroom.contracts.complaint.Complaint opened = lifecycle.register(
                new org.warroom.contracts.complaint.ComplaintNumber("MP", BHOPAL, sequence),
                new org.warroom.contracts.complaint.Registration("+919876543210", "Ram", BHOPAL, "ration", null,
                        "राशन की दुकान एक हफ्ते से बंद है", org.warroom.contracts.complaint.ComplaintChannel.CALL, "hi",
                        null, null), "Food and Civil Supplies", "agent1", T0);
        org.warroom.contracts.complaint.Complaint resolved = lifecycle.act(opened,
                new org.warroom.contracts.complaint.ActionRequest(org.warroom.contracts.complaint.ComplaintAction.RESOLVE,
                        "dealer opened the shop, ration delivered", null, null, 1), "officer", T0.plusHours(2));
        try (TestFeed feed = new TestFeed(kafka)) {
            feed.send(org.warroom.contracts.complaint.ComplaintTopics.COMPLAINTS, opened.number(), opened);
            feed.send(org.warroom.contracts.complaint.ComplaintTopics.COMPLAINTS, resolved.number(), resolved);
        }
        IndexNames names = config.elastic().names();
        String number = opened.number();
        eventually(WITHIN, () -> {
            JsonNode c = source(client, names.pattern(IndexFamily.COMPLAINTS), number);
            assertThat(c).isNotNull();
            assertThat(c.get("state").asText()).isEqualTo("resolved");
            assertThat(c.get("version").asLong()).isEqualTo(2);
            assertThat(c.get("departmentKey").asText()).isEqualTo("food and civil supplies");
            assertThat(c.get("phone").asText()).isEqualTo("+919876543210");
            assertThat(c.get("phoneMasked").asText()).isEqualTo("+91******3210");
            assertThat(c.get("phoneDigits").asText()).isEqualTo("9876543210");
            assertThat(c.get("text").asText()).isEqualTo("राशन की दुकान एक हफ्ते से बंद है\ndealer opened the shop, ration delivered");
            assertThat(c.get("textKeys").asText()).contains(org.warroom.elastic.text.TextKeys.ofText("राशन"))
                    .contains(org.warroom.elastic.text.TextKeys.ofText("dealer"));
            assertThat(c.get("history")).hasSize(2);
            assertThat(c.get("history").get(1).get("action").asText()).isEqualTo("resolve");
        });
        eventually(WITHIN, () -> assertThat(indexer.metrics().lag()).isZero());
        Indexer replay = start(config(kafka, es.url(), run, run + "-c-replay"), client);
        eventually(WITHIN, () -> assertThat(replay.metrics().lag()).isZero());
        assertThat(source(client, names.pattern(IndexFamily.COMPLAINTS), number).get("version").asLong()).isEqualTo(2);
    }

    @Test
    @DisplayName("directives, log entries and handovers are indexed with their search keys; a directive's latest step wins, also on replay")
    void shouldIndexDirectivesTheLogAndHandovers(LocalKafka kafka, LocalElasticsearch es) {
        String run = "run" + System.nanoTime();
        IndexerConfig config = config(kafka, es.url(), run, run + "-a");
        ElasticsearchClient client = client(config);
        IndexTemplates.install(client, config.elastic());
        Indexer indexer = start(config, client);
        DirectiveLifecycle lifecycle = new DirectiveLifecycle();
        Directive issued = lifecycle.issue(run + "-d1", new DirectiveOrder(BHOPAL, "Health", "दवाई के 200 किट भेजें",
                T0.plusHours(6), null, null, null), "op1", T0);
        Directive closed = lifecycle.act(issued, new DirectiveRequest(DirectiveAction.CLOSE, "kits delivered by truck", 1),
                "officer", T0.plusHours(2));
        ShiftLogEntry entry = new ShiftLogEntry(run + "-l1", T0.plusHours(1), "op1", "Called the collector about doodh",
                INDORE, null, null, run + "-d1");
        Handover handover = new Handover(run + "-h1", 2, HandoverState.SIGNED, T0.plusHours(8), "op1",
                new HandoverDraft(T0, List.of(new HandoverItem("a1", BHOPAL, "shortage-critical high",
                        null, "Medicine CRITICAL in Bhopal", "भोपाल में दवा गंभीर", T0)), List.of(), List.of(), List.of(),
                        List.of(), List.of()), "Paani tanker pending in Sagar", "op1", T0.plusHours(8), null, null);
        try (TestFeed feed = new TestFeed(kafka)) {
            feed.send(DirectiveTopics.DIRECTIVES, issued.id(), issued);
            feed.send(DirectiveTopics.DIRECTIVES, closed.id(), closed);
            feed.send(ShiftTopics.SHIFT_LOG, entry.id(), entry);
            feed.send(ShiftTopics.HANDOVERS, handover.id(), handover);
        }
        IndexNames names = config.elastic().names();
        eventually(WITHIN, () -> {
            assertThat(count(client, names, IndexFamily.DIRECTIVES, run)).isEqualTo(1);
            assertThat(count(client, names, IndexFamily.SHIFT, run)).isEqualTo(2);
            JsonNode d = source(client, names.pattern(IndexFamily.DIRECTIVES), run + "-d1");
            assertThat(d.get("state").asText()).isEqualTo("closed");
            assertThat(d.get("departmentKey").asText()).isEqualTo("health");
            assertThat(d.get("text").asText()).isEqualTo("दवाई के 200 किट भेजें\nkits delivered by truck");
            assertThat(d.get("textKeys").asText()).contains("davai").contains("truk");
            JsonNode log = source(client, names.pattern(IndexFamily.SHIFT), run + "-l1");
            assertThat(log.get("kind").asText()).isEqualTo("log");
            assertThat(log.get("district").asText()).isEqualTo(INDORE);
            assertThat(log.get("textKeys").asText()).contains("dud");
            JsonNode h = source(client, names.pattern(IndexFamily.SHIFT), run + "-h1");
            assertThat(h.get("kind").asText()).isEqualTo("handover");
            assertThat(h.get("state").asText()).isEqualTo("signed");
            assertThat(h.get("text").asText()).contains("Paani tanker").contains("भोपाल में दवा गंभीर");
            assertThat(h.has("district")).isFalse();
        });
        eventually(WITHIN, () -> assertThat(indexer.metrics().lag()).isZero());

        Indexer replay = start(config(kafka, es.url(), run, run + "-replay"), client);
        eventually(WITHIN, () -> assertThat(replay.metrics().lag()).isZero());
        assertThat(count(client, names, IndexFamily.DIRECTIVES, run)).isEqualTo(1);
        assertThat(count(client, names, IndexFamily.SHIFT, run)).isEqualTo(2);
        assertThat(source(client, names.pattern(IndexFamily.DIRECTIVES), run + "-d1").get("state").asText())
                .isEqualTo("closed");
    }

    @AfterEach
    void close() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    @Test
    @DisplayName("every feed and result lands once; a duplicate, an update and a full replay from the start change no count")
    void shouldIndexEachEventOnceEvenWhenReplayed(LocalKafka kafka, LocalElasticsearch es) {
        String run = "run" + System.nanoTime();
        IndexerConfig config = config(kafka, es.url(), run, run + "-a");
        ElasticsearchClient client = client(config);
        IndexTemplates.install(client, config.elastic());
        Indexer indexer = start(config, client);

        try (TestFeed feed = new TestFeed(kafka)) {
            feed.send(Topics.MESSAGES, run + "-m1", FeedEvents.message(run + "-m1", BHOPAL, "भोपाल में राशन नहीं मिल रहा", T0));
            feed.send(Topics.MESSAGES, run + "-m2", FeedEvents.message(run + "-m2", INDORE, "No milk in Indore since Monday", T0));
            feed.send(Topics.MESSAGES, run + "-m1", FeedEvents.message(run + "-m1", BHOPAL, "भोपाल में राशन नहीं मिल रहा", T0));
            CitizenMessage unplaced = FeedEvents.message(run + "-m3", null, "bhpoal me doodh nahi", T0);
            feed.send(Topics.MESSAGES, run + "-m3", unplaced);
            feed.send(Topics.MESSAGES, run + "-m3", unplaced.placedIn(BHOPAL)); // an operator placed it (triage)
            feed.send(Topics.MESSAGES, run + "-m3", unplaced); // a late copy of the unplaced message
            feed.send(Topics.CALLS, run + "-c1", FeedEvents.call(run + "-c1s", run + "-c1", BHOPAL, CallEventType.STARTED, T0));
            feed.send(Topics.CALLS, run + "-c1", FeedEvents.call(run + "-c1e", run + "-c1", BHOPAL, CallEventType.ENDED, T0.plusMinutes(3)));
            feed.send(Topics.TICKETS, run + "-t1", FeedEvents.ticket(run + "-t1o", run + "-t1", BHOPAL, TicketEventType.OPENED, "ration shop closed", T0));
            feed.send(Topics.REPORTS, BHOPAL, FeedEvents.report(run + "-r1", BHOPAL, T0, 300));
            feed.send(Topics.WORKERS, run + "-w1", FeedEvents.worker(run + "-w1", "Suresh Yadav", "+919811112222", BHOPAL, null, WorkerStatus.HOME, T0));
            feed.send(Topics.WORKERS, run + "-w1", FeedEvents.worker(run + "-w1", "Suresh Yadav", "+919811112222", BHOPAL, INDORE, WorkerStatus.WORKING, T0.plusDays(1)));
            Alert raised = alert(run + "-a1", AlertState.ACTIVE, null);
            feed.send(ResultTopics.ALERTS, raised.id(), raised);
            Alert acked = alert(run + "-a1", AlertState.ACKNOWLEDGED, "asha");
            feed.send(ResultTopics.ALERTS, acked.id(), acked);
            ShortageStatus shortage = new ShortageStatus(BHOPAL, Commodity.RATION, 300.0, 100.0, 3.0, ShortageLevel.LOW, 2,
                    T0, 20.0, "quintal", null, null, run + "-r1");
            feed.sendAt(ResultTopics.SHORTAGES, BHOPAL + "|ration", shortage, T0.toInstant().toEpochMilli());
            feed.sendAt(ResultTopics.SHORTAGES, BHOPAL + "|ration", shortage, T0.toInstant().toEpochMilli()); // re-emitted
            feed.sendRaw(DocumentMapper.AUDIT_TOPIC, "asha", ("{\"id\":\"" + run + "-audit1\",\"at\":\"2026-11-20T05:00:00Z\","
                    + "\"actor\":\"asha\",\"role\":\"responder\",\"action\":\"alert.ack\",\"target\":\"" + run + "-a1\","
                    + "\"outcome\":\"ok\",\"address\":\"10.0.0.7\",\"details\":{\"comment\":\"truck sent\"}}")
                    .getBytes(StandardCharsets.UTF_8), null);
            String told = Delivery.idOf(run + "-a1", 1, "asha", ChannelKind.EMAIL);
            Delivery sending = new Delivery(told, run + "-a1", 1, "asha", ChannelKind.EMAIL, BHOPAL, Delivery.SENDING,
                    T0.toInstant(), 1, null, "*@example.test", null);
            Delivery sent = new Delivery(told, run + "-a1", 1, "asha", ChannelKind.EMAIL, BHOPAL, Delivery.SENT,
                    T0.toInstant().plusSeconds(2), 1, null, "*@example.test", null);
            feed.send(NotifyTopics.DELIVERIES, sending.alertId(), sending);
            feed.send(NotifyTopics.DELIVERIES, sent.alertId(), sent);
            feed.send(NotifyTopics.DELIVERIES, sent.alertId(), sent); // the notifier re-wrote it after a restart
        }

        IndexNames names = config.elastic().names();
        Map<IndexFamily, Long> expected = Map.of(IndexFamily.MESSAGES, 3L, IndexFamily.CALLS, 2L, IndexFamily.TICKETS, 1L,
                IndexFamily.REPORTS, 2L, IndexFamily.WORKERS, 1L, IndexFamily.ALERTS, 1L, IndexFamily.AUDIT, 1L,
                IndexFamily.DELIVERIES, 2L);
        eventually(WITHIN, () -> {
            expected.forEach((family, count) -> assertThat(count(client, names, family, run)).as(family.word()).isEqualTo(count));
            assertThat(snapshots(client, names)).isEqualTo(1);
            JsonNode worker = source(client, names.pattern(IndexFamily.WORKERS), run + "-w1");
            assertThat(worker.get("currentDistrict").asText()).isEqualTo(INDORE);
            assertThat(worker.get("phoneMasked").asText()).isEqualTo("********2222");
            assertThat(worker.get("phoneLast4").asText()).isEqualTo("2222");
            assertThat(worker.get("phoneReversed")).as("kept out of _source").isNull();
            assertThat(source(client, names.pattern(IndexFamily.ALERTS), run + "-a1").get("state").asText()).isEqualTo("acknowledged");
        });
        eventually(WITHIN, () -> assertThat(indexer.metrics().lag()).isZero());
        JsonNode placed = source(client, names.pattern(IndexFamily.MESSAGES), run + "-m3");
        assertThat(placed.get("district").asText()).as("the placed copy replaced the unplaced document").isEqualTo(BHOPAL);
        assertThat(placed.get("districtSource").asText()).isEqualTo("assigned");

        // A new consumer group reads every topic from the very beginning: the same documents again.
        Indexer replay = start(config(kafka, es.url(), run, run + "-replay"), client);
        eventually(WITHIN, () -> {
            assertThat(replay.metrics().duplicatesTotal()).isGreaterThanOrEqualTo(13);
            assertThat(replay.metrics().lag()).isZero();
        });
        expected.forEach((family, count) -> assertThat(count(client, names, family, run)).as(family.word()).isEqualTo(count));
        assertThat(snapshots(client, names)).isEqualTo(1);
        assertThat(source(client, names.pattern(IndexFamily.WORKERS), run + "-w1").get("currentDistrict").asText()).isEqualTo(INDORE);
        assertThat(source(client, names.pattern(IndexFamily.ALERTS), run + "-a1").get("state").asText()).isEqualTo("acknowledged");
        assertThat(source(client, names.pattern(IndexFamily.MESSAGES), run + "-m3").get("district").asText())
                .as("a replay keeps the placement").isEqualTo(BHOPAL);
    }

    @Test
    @DisplayName("a record that is not an event goes to the dead-letter topic with stage indexer, and indexing goes on")
    void shouldDeadLetterWhatCannotBeIndexed(LocalKafka kafka, LocalElasticsearch es) {
        String run = "run" + System.nanoTime();
        IndexerConfig config = config(kafka, es.url(), run, run);
        ElasticsearchClient client = client(config);
        IndexTemplates.install(client, config.elastic());
        Indexer indexer = start(config, client);
        try (TestFeed feed = new TestFeed(kafka)) {
            feed.sendRaw(Topics.MESSAGES.name(), run + "-bad", ("{not json " + run).getBytes(StandardCharsets.UTF_8), null);
            feed.send(Topics.MESSAGES, run + "-ok", FeedEvents.message(run + "-ok", BHOPAL, "पानी नहीं है", T0));
        }
        IndexNames names = config.elastic().names();
        eventually(WITHIN, () -> assertThat(count(client, names, IndexFamily.MESSAGES, run)).isEqualTo(1));
        eventually(WITHIN, () -> assertThat(indexer.metrics().deadLettersTotal()).isGreaterThanOrEqualTo(1));

        Map<String, Object> c = kafka.kafkaSettings().client();
        c.put("group.id", run + "-dl");
        c.put("auto.offset.reset", "earliest");
        try (KafkaConsumer<String, DeadLetter> dl = new KafkaConsumer<>(c, Topics.DEAD_LETTER.keySerde().deserializer(),
                Topics.DEAD_LETTER.valueSerde().deserializer())) {
            dl.subscribe(List.of(Topics.DEAD_LETTER.name()));
            List<DeadLetter> found = new ArrayList<>();
            eventually(WITHIN, () -> {
                for (ConsumerRecord<String, DeadLetter> r : dl.poll(Duration.ofMillis(200))) {
                    if (r.value() != null && r.value().raw() != null && r.value().raw().contains(run)) {
                        found.add(r.value());
                    }
                }
                assertThat(found).isNotEmpty();
            });
            assertThat(found.get(0).stage()).isEqualTo("indexer");
            assertThat(found.get(0).feed()).isEqualTo(Topics.MESSAGES.name());
            assertThat(found.get(0).reason()).contains("CitizenMessage");
        }
    }

    @Test
    @DisplayName("management: /health is 200 when Kafka and Elasticsearch answer, /metrics shows the indexer's figures")
    void shouldServeHealthAndMetrics(LocalKafka kafka, LocalElasticsearch es) throws Exception {
        String run = "run" + System.nanoTime();
        IndexerConfig config = config(kafka, es.url(), run, run);
        ElasticsearchClient client = client(config);
        IndexerMetrics metrics = new IndexerMetrics();
        Admin admin = Admin.create(config.kafka().client());
        closing.add(admin);
        ManagementServer server = new ManagementServer("127.0.0.1", 0, new DependencyHealth(admin, client), metrics);
        closing.add(server);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"elasticsearch\":\"ok\"").contains("\"kafka\":\"ok\"");
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("{\"status\":\"UP\",\"checks\":{\"kafka\":\"ok\",\"elasticsearch\":\"ok\"}}");
        HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("warroom_indexer_docs_indexed_total{family=\"messages\"}")
                .contains("warroom_indexer_consumer_lag").contains("warroom_indexer_retrying");

        // An indexed message moves the indexer's own figures and its consumer's, on the same page.
        IndexTemplates.install(client, config.elastic());
        Indexer indexer = new Indexer(config, client, metrics);
        closing.add(indexer);
        indexer.start();
        try (TestFeed feed = new TestFeed(kafka)) {
            feed.send(Topics.MESSAGES, run + "-m1", FeedEvents.message(run + "-m1", BHOPAL, "भोपाल में राशन नहीं मिल रहा", T0));
        }
        eventually(WITHIN, () -> {
            String text = scrape(http, server.port());
            assertThat(Scrape.value(text, "warroom_indexer_docs_indexed_total{family=\"messages\"}").orElse(0))
                    .isGreaterThanOrEqualTo(1);
            assertThat(Scrape.value(text, "warroom_indexer_bulk_requests_total").orElse(0)).isGreaterThanOrEqualTo(1);
            assertThat(Scrape.value(text, "warroom_indexer_bulk_operations_sum").orElse(0)).isGreaterThanOrEqualTo(1);
            assertThat(Scrape.value(text, "warroom_indexer_consumer_lag").orElse(-1)).isZero();
            assertThat(Scrape.sum(text, "kafka_consumer_fetch_manager_records_consumed_total").orElse(0))
                    .isGreaterThanOrEqualTo(1);
            assertThat(Scrape.sum(text, "jvm_memory_used_bytes", "area=\"heap\"").orElse(0)).isPositive();
        });
    }

    @Test
    @DisplayName("management: with Elasticsearch unreachable, /health/ready is 503 naming it and /health/live stays 200;"
            + " live turns 503 only when the consumer thread is not running")
    void shouldTellLiveFromReady(LocalKafka kafka) throws Exception {
        String run = "run" + System.nanoTime();
        IndexerConfig config = config(kafka, "http://127.0.0.1:1", run, run);
        ElasticsearchClient client = client(config);
        Admin admin = Admin.create(config.kafka().client());
        closing.add(admin);
        ManagementServer server = new ManagementServer("127.0.0.1", 0, new DependencyHealth(admin, client),
                new IndexerMetrics());
        closing.add(server);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).contains("\"status\":\"DOWN\"").contains("\"kafka\":\"ok\"")
                .contains("\"elasticsearch\":\"unreachable");
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(503);
        HttpResponse<String> live = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/health/live")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body()).isEqualTo("{\"status\":\"UP\",\"checks\":{\"consumer\":\"ok\"}}");

        Indexer stopped = new Indexer(config, client, new IndexerMetrics()); // never started: no consumer thread
        closing.add(stopped);
        server.watch(stopped);
        HttpResponse<String> dead = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/health/live")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(dead.statusCode()).isEqualTo(503);
        assertThat(dead.body()).contains("\"consumer\":\"the consumer thread stopped\"");
    }

    static Alert alert(String id, AlertState state, String ackBy) {
        return new Alert(id, "shortage-critical", BHOPAL, Commodity.RATION, Severity.CRITICAL, state, T0,
                ackBy, ackBy == null ? null : T0.plusMinutes(5), null, BHOPAL + "|ration", 1, 0.5, 1.0,
                "ration: 0.5 days of cover in Bhopal", ackBy == null ? null : "truck sent", T0, 0);
    }

    IndexerConfig config(LocalKafka kafka, String esUrl, String prefix, String group) {
        return IndexerConfig.from(Settings.ofKeys(Map.of(
                "kafka.bootstrap", kafka.bootstrap(),
                "es.url", esUrl,
                "es.index.prefix", prefix,
                "indexer.group", group,
                "management.port", "0",
                "indexer.retry.max", "1s",
                "indexer.lag.interval", "300ms")));
    }

    static String scrape(HttpClient http, int port) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("cannot scrape the indexer: " + e, e);
        }
    }

    ElasticsearchClient client(IndexerConfig config) {
        ElasticsearchClient client = ElasticClientFactory.create(config.elastic());
        closing.add(client);
        return client;
    }

    Indexer start(IndexerConfig config, ElasticsearchClient client) {
        Indexer indexer = new Indexer(config, client, new IndexerMetrics());
        closing.add(indexer);
        indexer.start();
        return indexer;
    }

    /** Documents of one family whose id starts with this run's prefix. */
    static long count(ElasticsearchClient client, IndexNames names, IndexFamily family, String run) {
        try {
            return client.count(c -> c.index(names.pattern(family))
                    .query(Query.of(q -> q.prefix(p -> p.field("id").value(run))))).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Snapshot documents of the Bhopal ration shortage in this run's indices. */
    static long snapshots(ElasticsearchClient client, IndexNames names) {
        try {
            return client.count(c -> c.index(names.pattern(IndexFamily.SNAPSHOTS))
                    .query(Query.of(q -> q.bool(b -> b
                            .filter(f -> f.term(t -> t.field("kind").value("shortage")))
                            .filter(f -> f.term(t -> t.field("key").value(BHOPAL + "|ration"))))))).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode source(ElasticsearchClient client, String pattern, String id) {
        try {
            var hits = client.search(s -> s.index(pattern).query(q -> q.ids(i -> i.values(id))), JsonNode.class)
                    .hits().hits();
            assertThat(hits).hasSize(1);
            return hits.get(0).source();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
