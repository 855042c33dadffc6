package org.warroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.topic.Topics;
import org.warroom.ingest.webhook.Signatures;
import org.warroom.testkit.CorpusBody;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealKafka;

/**
 * The hostile input corpus ({@code src/test/resources/hostile/ingest-corpus.json}) against the real ingest server
 * and the real broker: every case gets the status it lists, an error naming the field and why, exactly the
 * dead letters it lists (each rejected line in {@code warroom.deadletter}, counted in /metrics), nothing stored
 * unless the case says it is stored inert, and the server stays healthy throughout. The case count and outcomes
 * are kept true in docs/SECURITY.md by {@link #shouldMatchTheCountsInSecurityDoc()}.
 */
@ExtendWith(RealKafka.class)
class HostileInputIntegrationTest {
    static final String CORPUS = "/hostile/ingest-corpus.json";
    static final String PUBLIC_URL = "https://warroom.example.gov.in/ingest";
    static final String APP_SECRET = "hostile-app-secret";
    static final String TWILIO_TOKEN = "hostile-twilio-token";
    private static RunningIngest ingest;
    private static LocalKafka kafka;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void start(LocalKafka broker) {
        kafka = broker;
        ingest = RunningIngest.start(broker, Map.of("ingest.max.body.bytes", Integer.toString(1024 * 1024),
                "ingest.max.lines", "1000", "whatsapp.app.secret", APP_SECRET, "twilio.auth.token", TWILIO_TOKEN,
                "exotel.token", "hostile-exotel-token", "ingest.public.url", PUBLIC_URL));
    }

    @AfterAll
    static void stop() {
        ingest.close();
    }

    static JsonArray corpus() {
        try (InputStream in = HostileInputIntegrationTest.class.getResourceAsStream(CORPUS)) {
            return new JsonObject(Buffer.buffer(in.readAllBytes())).getJsonArray("cases");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("every hostile input gets its listed 4xx naming the field (or is stored inert), dead letters exactly as listed, and the server stays up")
    void shouldRefuseOrNeutraliseEveryHostileInput() {
        JsonArray cases = corpus();
        List<String> holes = new ArrayList<>();
        List<List<HttpResponse<Buffer>>> answers = new ArrayList<>();
        double deadLettersBefore = metric("warroom_ingest_deadletters_total");
        for (int i = 0; i < cases.size(); i++) {
            JsonObject c = cases.getJsonObject(i);
            answers.add(send(c.getJsonObject("request"), caseId(i)));
            HttpResponse<Buffer> health = ingest.get("/health");
            if (health.statusCode() != 200) {
                holes.add(c.getString("name") + ": health answered " + health.statusCode() + " afterwards");
            }
        }
        Map<String, List<String>> stored = new LinkedHashMap<>();
        for (String topic : List.of(Topics.MESSAGES.name(), Topics.WORKERS.name(), Topics.REPORTS.name(),
                Topics.CALLS.name())) {
            stored.put(topic, readValues(topic));
        }
        List<JsonObject> deadLetters = readValues(Topics.DEAD_LETTER.name()).stream().map(JsonObject::new)
                .filter(d -> d.getString("raw", "").contains("hx-" + run)).toList();
        int expectedDeadLetters = 0;
        for (int i = 0; i < cases.size(); i++) {
            JsonObject c = cases.getJsonObject(i);
            expectedDeadLetters += c.getJsonObject("expect").getInteger("deadLetters", 0);
            check(c, caseId(i), answers.get(i), stored, deadLetters, holes);
        }
        assertThat(holes).isEmpty();
        assertThat(deadLetters).hasSize(expectedDeadLetters);
        assertThat(metric("warroom_ingest_deadletters_total") - deadLettersBefore).isEqualTo(expectedDeadLetters);
    }

    @Test
    @DisplayName("docs/SECURITY.md lists the ingest corpus's real count of cases and outcomes")
    void shouldMatchTheCountsInSecurityDoc() throws IOException {
        assertThat(CorpusSummary.read(java.nio.file.Path.of("..", "docs", "SECURITY.md")))
                .contains(CorpusSummary.line("ingest", corpus()));
    }

    private String caseId(int i) {
        return "hx-" + run + "-" + i + "z";
    }

    private List<HttpResponse<Buffer>> send(JsonObject r, String id) {
        int times = r.getInteger("times", 1);
        List<HttpResponse<Buffer>> out = new ArrayList<>();
        for (int t = 0; t < times; t++) {
            out.add(sendOnce(r, id));
        }
        return out;
    }

    private HttpResponse<Buffer> sendOnce(JsonObject r, String id) {
        String path = r.getString("path").replace("${key}", ingest.key).replace("${id}", id);
        String auth = r.getString("auth", "key");
        String key = switch (auth) {
            case "key" -> ingest.key;
            case "forged" -> "wr_0123456789ab_" + "A".repeat(43);
            default -> null;
        };
        HttpRequest<Buffer> request = ingest.post(path, key);
        String sign = r.getString("sign", "none");
        if (r.containsKey("form")) {
            Map<String, List<String>> params = new LinkedHashMap<>();
            MultiMap form = MultiMap.caseInsensitiveMultiMap();
            r.getJsonObject("form").forEach(e -> {
                String v = String.valueOf(e.getValue()).replace("${id}", id);
                params.put(e.getKey(), List.of(v));
                form.add(e.getKey(), v);
            });
            String url = PUBLIC_URL + path;
            switch (sign) {
                case "twilio" -> request.putHeader("X-Twilio-Signature", Signatures.twilio(TWILIO_TOKEN, url, params));
                case "twilio-other-url" -> request.putHeader("X-Twilio-Signature",
                        Signatures.twilio(TWILIO_TOKEN, "https://attacker.example/webhooks/twilio/sms", params));
                case "twilio-tampered" -> {
                    request.putHeader("X-Twilio-Signature", Signatures.twilio(TWILIO_TOKEN, url, params));
                    form.set("Body", "changed after signing");
                }
                default -> { }
            }
            return request.sendForm(form).await();
        }
        byte[] body = Placeholders.expand(r.getString("body"), id, OffsetDateTime.now().withNano(0));
        request.putHeader("Content-Type", r.getString("contentType", "application/x-ndjson"));
        String secret = r.getString("signSecret", APP_SECRET);
        switch (sign) {
            case "whatsapp" -> request.putHeader("X-Hub-Signature-256", Signatures.whatsApp(secret, body));
            case "whatsapp-bare" -> request.putHeader("X-Hub-Signature-256",
                    Signatures.whatsApp(secret, body).substring("sha256=".length()));
            case "whatsapp-tampered" -> {
                request.putHeader("X-Hub-Signature-256", Signatures.whatsApp(secret, body));
                body = new String(body, StandardCharsets.UTF_8).replace("paani", "doodh").getBytes(StandardCharsets.UTF_8);
            }
            default -> { }
        }
        if (r.containsKey("signatureHeader")) {
            request.putHeader("X-Hub-Signature-256", r.getString("signatureHeader"));
        }
        return request.sendBuffer(Buffer.buffer(body)).await();
    }

    private static void check(JsonObject c, String id, List<HttpResponse<Buffer>> answers, Map<String, List<String>> stored,
                              List<JsonObject> deadLetters, List<String> holes) {
        String name = c.getString("name");
        JsonObject e = c.getJsonObject("expect");
        for (HttpResponse<Buffer> a : answers) {
            String body = a.bodyAsString() == null ? "" : a.bodyAsString();
            if (a.statusCode() != e.getInteger("status")) {
                holes.add(name + ": status " + a.statusCode() + " (expected " + e.getInteger("status") + ") " + abbreviate(body));
                return;
            }
            if (a.statusCode() >= 400 && !body.startsWith("{\"error")  && !body.startsWith("{\"accepted")) {
                holes.add(name + ": the error is not JSON: " + abbreviate(body));
            }
            if (e.containsKey("reason") && !body.contains(e.getString("reason"))) {
                holes.add(name + ": the answer does not say '" + e.getString("reason") + "': " + abbreviate(body));
            }
            if (e.containsKey("field")) {
                JsonArray errors = new JsonObject(body).getJsonArray("errors");
                Object field = errors == null || errors.isEmpty() ? "(no errors)" : errors.getJsonObject(0).getValue("field");
                if (!java.util.Objects.equals(field, e.getValue("field"))) {
                    holes.add(name + ": the first error names field " + field + " (expected " + e.getValue("field") + ")");
                }
            }
            if (e.containsKey("accepted") && !e.getInteger("accepted").equals(new JsonObject(body).getInteger("accepted"))) {
                holes.add(name + ": accepted " + new JsonObject(body).getInteger("accepted"));
            }
        }
        List<JsonObject> dead = deadLetters.stream().filter(d -> d.getString("raw").contains(id)).toList();
        if (dead.size() != e.getInteger("deadLetters", 0)) {
            holes.add(name + ": " + dead.size() + " dead letters (expected " + e.getInteger("deadLetters", 0) + ")");
        }
        for (JsonObject d : dead) {
            if (e.containsKey("field") && !java.util.Objects.equals(d.getValue("field"), e.getValue("field"))) {
                holes.add(name + ": the dead letter names field " + d.getValue("field"));
            }
            if (!"ingest".equals(d.getString("stage")) || d.getString("reason", "").isBlank()) {
                holes.add(name + ": the dead letter lacks its stage or reason: " + d.encode());
            }
        }
        List<JsonObject> kept = stored.values().stream().flatMap(List::stream)
                .filter(v -> v.contains(id))
                .map(JsonObject::new).toList();
        if (kept.size() != e.getInteger("stored", 0)) {
            holes.add(name + ": " + kept.size() + " records stored (expected " + e.getInteger("stored", 0) + ")");
            return;
        }
        if (e.containsKey("topic")) {
            String topic = "warroom." + e.getString("topic");
            long inTopic = stored.get(topic).stream().filter(v -> v.contains(id)).count();
            if (inTopic != kept.size()) {
                holes.add(name + ": stored outside " + topic);
            }
        }
        if (e.containsKey("distinctIds") && kept.stream().map(k -> k.getString("id")).distinct().count() != e.getInteger("distinctIds")) {
            holes.add(name + ": a replay made a new event id");
        }
        JsonObject fields = e.getJsonObject("storedFields", new JsonObject());
        for (JsonObject k : kept) {
            fields.forEach(f -> {
                if (!java.util.Objects.equals(k.getValue(f.getKey()), f.getValue())) {
                    holes.add(name + ": stored " + f.getKey() + " = " + k.getValue(f.getKey()) + " (expected " + f.getValue() + ")");
                }
            });
            for (String forbidden : List.of("__proto__", "role", "forged-source")) {
                if (k.encode().contains(forbidden)) {
                    holes.add(name + ": stored record holds '" + forbidden + "'");
                }
            }
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    private static double metric(String name) {
        return ingest.get("/metrics").bodyAsString().lines().filter(l -> l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** Every value of a topic from the beginning to its end now, as text. */
    private static List<String> readValues(String topic) {
        Map<String, Object> config = new java.util.HashMap<>(kafka.kafkaSettings().client());
        config.put("group.id", "hostile-" + UUID.randomUUID());
        List<String> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.value() != null) {
                        out.add(new String(r.value(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return out;
    }

    /** Expands the corpus's placeholders into the bytes to send. */
    static final class Placeholders {
        private Placeholders() {
        }

        static byte[] expand(String template, String id, OffsetDateTime now) {
            String text = template.replace("${id}", id).replace("${now}", now.toString())
                    .replace("${future}", now.plusDays(3).toString());
            return CorpusBody.expand(text, Map.of("lines", n -> {
                StringBuilder lines = new StringBuilder();
                for (int i = 0; i < Integer.parseInt(n); i++) {
                    lines.append(new JsonObject().put("id", id + "-" + i).put("channel", "sms")
                            .put("from", "+919812345678").put("text", "paani").put("at", now.toString()).encode()).append('\n');
                }
                return lines.toString().getBytes(StandardCharsets.UTF_8);
            }));
        }
    }
}
