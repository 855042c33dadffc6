package org.warroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.testkit.Eventually.eventually;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.event.CallStep;
import org.warroom.contracts.event.CitizenMessage;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.event.DeadLetter;
import org.warroom.contracts.event.DistrictReport;
import org.warroom.contracts.event.TicketStep;
import org.warroom.contracts.event.WorkerRecord;
import org.warroom.contracts.topic.Topics;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealKafka;
import org.warroom.testkit.Scrape;

/** The real ingest service on a free port against a real broker: what is answered and what lands in Kafka. */
@ExtendWith(RealKafka.class)
class FeedIntakeIntegrationTest {
    private static RunningIngest ingest;
    private static LocalKafka kafka;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String now = OffsetDateTime.now().withNano(0).toString();

    @BeforeAll
    static void start(LocalKafka broker) {
        kafka = broker;
        ingest = RunningIngest.start(broker, Map.of());
    }

    @AfterAll
    static void stop() {
        ingest.close();
    }

    private String call(String id, String call, String event) {
        return new JsonObject().put("id", id).put("kind", "call").put("call", call).put("line", "181")
                .put("district", "396").put("event", event).put("at", now).put("caller", "+919876541234").encode();
    }

    @Test
    @DisplayName("accepted call and ticket steps are in Kafka exactly once, keyed by call and by ticket")
    void acceptedStepsLandOnceWithTheirKeys() {
        String ticket = new JsonObject().put("id", run + "-t1").put("kind", "ticket").put("ticket", run + "-T")
                .put("district", "212").put("department", "Food and Civil Supplies").put("category", "ration")
                .put("event", "opened").put("at", now).encode();
        var response = ingest.postNdjson("/v1/calls", ingest.key,
                call(run + "-s1", run + "-C", "started") + "\n" + call(run + "-s2", run + "-C", "answered") + "\n" + ticket + "\n");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.bodyAsJsonObject().getMap()).containsEntry("accepted", 3).containsEntry("rejected", 0);
        var calls = RunningIngest.read(kafka, Topics.CALLS, c -> c.id().startsWith(run));
        assertThat(calls).hasSize(2).allSatisfy(r -> assertThat(r.key()).isEqualTo(run + "-C"));
        assertThat(calls).extracting(r -> r.value().source()).containsOnly("first-key");
        var tickets = RunningIngest.read(kafka, Topics.TICKETS, t -> t.id().startsWith(run));
        assertThat(tickets).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo(run + "-T");
            assertThat(r.value().commodity()).isEqualTo(Commodity.RATION);
        });
    }

    @Test
    @DisplayName("a batch with bad lines answers 200 with per-line errors and dead-letters the bad lines")
    void partialBatchNamesFieldsAndDeadLetters() {
        String badDistrict = call(run + "-b1", run + "-C2", "started").replace("\"396\"", "\"Bhopal\"");
        String badEvent = call(run + "-b2", run + "-C2", "exploded");
        var response = ingest.postNdjson("/v1/calls", ingest.key,
                call(run + "-g1", run + "-C2", "started") + "\n" + badDistrict + "\n" + "{not json\n" + badEvent);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject body = response.bodyAsJsonObject();
        assertThat(body.getInteger("accepted")).isEqualTo(1);
        assertThat(body.getInteger("rejected")).isEqualTo(3);
        JsonArray errors = body.getJsonArray("errors");
        assertThat(errors.getJsonObject(0).getMap()).containsEntry("line", 2).containsEntry("field", "district");
        assertThat(errors.getJsonObject(0).getString("reason")).contains("did you mean 396 Bhopal?");
        assertThat(errors.getJsonObject(1).getMap()).containsEntry("line", 3).containsEntry("field", null);
        assertThat(errors.getJsonObject(2).getString("reason")).contains("allowed: started, answered, ended, abandoned");

        var dead = RunningIngest.read(kafka, Topics.DEAD_LETTER, d -> d.raw() != null && d.raw().contains(run + "-b"));
        assertThat(dead).hasSize(2).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo("calls");
            assertThat(r.value().source()).isEqualTo("first-key");
            assertThat(r.value().stage()).isEqualTo("ingest");
        });
        assertThat(dead).extracting(r -> r.value().field()).containsExactlyInAnyOrder("district", "event");
        assertThat(RunningIngest.read(kafka, Topics.CALLS, c -> c.call().equals(run + "-C2"))).hasSize(1);
    }

    @Test
    @DisplayName("a request where nothing is valid answers 400 with the errors and accepts nothing")
    void nothingValidIs400() {
        var response = ingest.post("/v1/reports", ingest.key).putHeader("Content-Type", "application/json")
                .sendJsonObject(new JsonObject().put("id", run + "-r").put("district", "396").put("at", now)
                        .put("items", new JsonArray().add(new JsonObject().put("commodity", "gold").put("stock", -1)
                                .put("dailyNeed", 5)))).await();

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.bodyAsJsonObject().getJsonArray("errors")).extracting(e -> ((JsonObject) e).getString("field"))
                .containsExactly("items[0].commodity", "items[0].stock");
        assertThat(RunningIngest.read(kafka, Topics.REPORTS, r -> r.id().equals(run + "-r"))).isEmpty();
    }

    @Test
    @DisplayName("a message without a district gets it recognised from its text, with the commodities it names")
    void messageDistrictAndCommoditiesAreRecognised() {
        String located = new JsonObject().put("id", run + "-m1").put("channel", "whatsapp").put("from", "+919812345678")
                .put("text", "इंदौर में दूध और सब्ज़ी नहीं मिल रही").put("at", now).encode();
        String unlocated = new JsonObject().put("id", run + "-m2").put("channel", "sms").put("from", "+919812345679")
                .put("text", "no ration for three days").put("at", now).encode();
        var response = ingest.postNdjson("/v1/messages", ingest.key, located + "\n" + unlocated);

        assertThat(response.statusCode()).isEqualTo(202);
        var messages = RunningIngest.read(kafka, Topics.MESSAGES, m -> m.id().startsWith(run));
        assertThat(messages).hasSize(2);
        CitizenMessage m1 = messages.stream().filter(r -> r.key().equals(run + "-m1")).findFirst().orElseThrow().value();
        assertThat(m1.district()).isEqualTo("410");
        assertThat(m1.districtSource()).isEqualTo(CitizenMessage.DISTRICT_RECOGNISED);
        assertThat(m1.commodities()).containsExactly(Commodity.VEGETABLES, Commodity.MILK);
        assertThat(m1.language()).isEqualTo("hi");
        CitizenMessage m2 = messages.stream().filter(r -> r.key().equals(run + "-m2")).findFirst().orElseThrow().value();
        assertThat(m2.district()).isNull();
        assertThat(m2.districtSource()).isEqualTo(CitizenMessage.DISTRICT_UNKNOWN);
        assertThat(m2.commodities()).containsExactly(Commodity.RATION);
        assertThat(ingest.get("/metrics").bodyAsString()).contains("warroom_ingest_messages_unlocated_total");
    }

    @Test
    @DisplayName("reports are keyed by district and workers by id, with the state name stored as its code")
    void reportsAndWorkers() {
        String report = new JsonObject().put("id", run + "-r1").put("district", "212").put("at", now)
                .put("items", new JsonArray().add(new JsonObject().put("commodity", "ration").put("stock", 1200.5)
                        .put("dailyNeed", 300).put("unit", "quintal"))).encode();
        String worker = new JsonObject().put("id", run + "-w1").put("name", "रामू कुमार").put("phone", "+919934512345")
                .put("homeDistrict", "212").put("skills", new JsonArray().add("Mason").add("carpentry"))
                .put("status", "working").put("currentState", "maharashtra").put("source", "call").encode();

        assertThat(ingest.postNdjson("/v1/reports", ingest.key, report).statusCode()).isEqualTo(202);
        assertThat(ingest.postNdjson("/v1/workers", ingest.key, worker).statusCode()).isEqualTo(202);

        var reports = RunningIngest.read(kafka, Topics.REPORTS, r -> r.id().equals(run + "-r1"));
        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("212");
            DistrictReport v = r.value();
            assertThat(v.items()).singleElement().satisfies(i -> assertThat(i.stock()).isEqualTo(1200.5));
        });
        var workers = RunningIngest.read(kafka, Topics.WORKERS, w -> w.id().equals(run + "-w1"));
        assertThat(workers).singleElement().satisfies(r -> {
            WorkerRecord w = r.value();
            assertThat(r.key()).isEqualTo(run + "-w1");
            assertThat(w.name()).isEqualTo("रामू कुमार");
            assertThat(w.currentState()).isEqualTo("27");
            assertThat(w.skills()).containsExactly("mason", "carpentry");
        });
    }

    @Test
    @DisplayName("a missing or unknown key is 401")
    void unknownKeyIs401() {
        assertThat(ingest.postNdjson("/v1/calls", null, call(run, run, "started")).statusCode()).isEqualTo(401);
        assertThat(ingest.postNdjson("/v1/calls", "wr_0123456789ab_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                call(run, run, "started")).statusCode()).isEqualTo(401);
        assertThat(ingest.postNdjson("/v1/calls", ingest.key + "x", call(run, run, "started")).statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("a key limited to some feeds and districts gets 403 elsewhere, and per-line errors in a mixed batch")
    void limitedKeyIs403OutsideItsGrant() {
        String limited = ingest.grantKey("district-396", List.of("calls"), List.of("396"));
        String bhopal = call(run + "-k1", run + "-K", "started");
        String patna = call(run + "-k2", run + "-K", "started").replace("\"396\"", "\"212\"");
        eventually(Duration.ofSeconds(10), () ->
                assertThat(ingest.postNdjson("/v1/calls", limited, bhopal).statusCode()).isEqualTo(202));

        assertThat(ingest.postNdjson("/v1/messages", limited, "{}").statusCode()).isEqualTo(403);
        var onlyPatna = ingest.postNdjson("/v1/calls", limited, patna);
        assertThat(onlyPatna.statusCode()).isEqualTo(403);
        assertThat(onlyPatna.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("reason"))
                .contains("may not send events for district 212");
        var mixed = ingest.postNdjson("/v1/calls", limited, bhopal + "\n" + patna);
        assertThat(mixed.statusCode()).isEqualTo(200);
        assertThat(mixed.bodyAsJsonObject().getInteger("accepted")).isEqualTo(1);
    }

    @Test
    @DisplayName("ready only once warmed: the producer holds the metadata of every feed topic before ingest listens (the first event does not wait for it)")
    void readyOnlyOnceTheProducerIsWarmed() {
        // Issue 19, defect 2: the first event on a fresh stack waited for its topic's metadata (0.8-2 s against 20-80 ms).
        var ready = ingest.get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.bodyAsJsonObject().getJsonObject("checks").getString("producer")).isEqualTo("ok");
        JsonObject warmed = ingest.get("/health").bodyAsJsonObject().getJsonObject("producer").getJsonObject("warmed");
        for (var feed : Topics.feeds()) {
            assertThat(warmed.getInteger(feed.name())).as(feed.name()).isPositive();
        }
    }

    @Test
    @DisplayName("health is 200 while Kafka is reachable, and metrics count accepted events per feed")
    void healthAndMetrics() {
        assertThat(ingest.get("/health").statusCode()).isEqualTo(200);
        String accepted = "warroom_ingest_accepted_total{feed=\"calls\"}";
        String rejected = "warroom_ingest_rejected_total{feed=\"calls\"}";
        String deadLettered = "warroom_ingest_deadletters_total{feed=\"calls\"}";
        String otherFeed = "warroom_ingest_accepted_total{feed=\"messages\"}";
        double[] before = {ingest.metric(accepted), ingest.metric(rejected), ingest.metric(deadLettered), ingest.metric(otherFeed)};

        var answer = ingest.postNdjson("/v1/calls", ingest.key, call(run + "-h1", run + "-H", "started") + "\n"
                + call(run + "-h2", run + "-H", "answered") + "\n" + call(run + "-h3", run + "-H", "exploded"));

        assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(200);
        assertThat(ingest.metric(accepted) - before[0]).as(accepted).isEqualTo(2);
        assertThat(ingest.metric(rejected) - before[1]).as(rejected).isEqualTo(1);
        assertThat(ingest.metric(deadLettered) - before[2]).as(deadLettered).isEqualTo(1);
        assertThat(ingest.metric(otherFeed) - before[3]).as(otherFeed).isZero();
    }

    @Test
    @DisplayName("metrics: the Kafka producer's sends, Vert.x's HTTP requests by route and status, JVM and disk move")
    void conventionalMetricsMove() {
        String route = "vertx_http_server_requests_total";
        String before = ingest.get("/metrics").bodyAsString();
        double sends = Scrape.sum(before, "kafka_producer_record_send_total").orElse(0);
        double requests = Scrape.sum(before, route, "route=\"/v1/:feed\"", "code=\"202\"", "method=\"POST\"").orElse(0);

        var answer = ingest.postNdjson("/v1/calls", ingest.key, call(run + "-v1", run + "-V", "started") + "\n"
                + call(run + "-v2", run + "-V", "answered"));

        assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(202);
        String after = ingest.get("/metrics").bodyAsString();
        assertThat(Scrape.sum(after, "kafka_producer_record_send_total").orElseThrow() - sends).isGreaterThanOrEqualTo(2);
        assertThat(Scrape.sum(after, route, "route=\"/v1/:feed\"", "code=\"202\"", "method=\"POST\"").orElseThrow()
                - requests).isEqualTo(1);
        assertThat(after).contains("# TYPE vertx_http_server_response_time_seconds histogram");
        assertThat(Scrape.sum(after, "jvm_memory_used_bytes", "area=\"heap\"").orElseThrow()).isPositive();
        assertThat(Scrape.sum(after, "disk_free_bytes").orElseThrow()).isPositive();
        assertThat(Scrape.sum(after, "process_cpu_usage")).isPresent();
    }

    @Test
    @DisplayName("an unknown feed is 404 and a foreign content type 415")
    void unknownFeedAndContentType() {
        assertThat(ingest.postNdjson("/v1/tweets", ingest.key, "{}").statusCode()).isEqualTo(404);
        assertThat(ingest.post("/v1/calls", ingest.key).putHeader("Content-Type", "text/xml")
                .sendBuffer(io.vertx.core.buffer.Buffer.buffer("<a/>")).await().statusCode()).isEqualTo(415);
    }

    @Test
    @DisplayName("a webhook whose secret is not configured answers 503 and accepts nothing")
    void unconfiguredWebhooksAre503() {
        var whatsapp = ingest.post("/webhooks/whatsapp", null).putHeader("X-Hub-Signature-256", "sha256=00")
                .sendBuffer(io.vertx.core.buffer.Buffer.buffer("{}")).await();
        var twilio = ingest.post("/webhooks/twilio/sms", null)
                .sendForm(io.vertx.core.MultiMap.caseInsensitiveMultiMap().add("MessageSid", "x")).await();
        var exotel = ingest.post("/webhooks/exotel?token=", null)
                .sendForm(io.vertx.core.MultiMap.caseInsensitiveMultiMap().add("CallSid", "x")).await();
        assertThat(List.of(whatsapp.statusCode(), twilio.statusCode(), exotel.statusCode())).containsOnly(503);
        assertThat(twilio.bodyAsString()).contains("WARROOM_TWILIO_AUTH_TOKEN");
    }

    @SuppressWarnings("unused")
    private static void typesUsed(CallStep c, TicketStep t, DeadLetter d) {
    }
}
