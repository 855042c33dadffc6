package org.warroom.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.metrics.ServiceMetrics;
import org.warroom.contracts.topic.Topic;
import org.warroom.dashboard.DashboardConfig;
import org.warroom.dashboard.DashboardMain;
import org.warroom.dashboard.DashboardVerticle;
import org.warroom.elastic.DependencyHealth;
import org.warroom.elastic.ElasticClientFactory;
import org.warroom.testkit.LocalKafka;

/**
 * A real dashboard for tests: the verticle on a free port against the real local Kafka (and Elasticsearch when
 * given), a clock the test moves, an HTTP client, and helpers to log in, call the API and produce result records.
 * Tests share one broker per JVM: they use their own usernames, districts and keys.
 */
public final class TestDashboard implements AutoCloseable {
    /** The first administrator's password in every test (the user {@code admin} is shared by the JVM's tests). */
    public static final String ADMIN_PASSWORD = "test-admin-password-1";
    public static final String UNREACHABLE_ES = "http://127.0.0.1:1";

    /** The process's registry, as DashboardMain makes it: Vert.x and the verticle report to it. */
    public final ServiceMetrics metrics = ServiceMetrics.create();
    public final Vertx vertx = DashboardMain.vertx(metrics);
    public final MutableClock clock = new MutableClock();
    public final WebClient http;
    public final DashboardVerticle verticle;
    public final DashboardConfig config;
    private final Admin admin;
    private final ElasticsearchClient elastic;
    private final KafkaProducer<byte[], byte[]> producer;

    /** What a login answered. */
    public record Login(String username, String token, String csrf) {
        public String cookie() {
            return "warroom_session=" + token;
        }
    }

    private TestDashboard(LocalKafka kafka, String esUrl, Map<String, String> extra) {
        Map<String, String> keys = new HashMap<>(Map.of(
                "kafka.bootstrap", kafka.bootstrap(), "es.url", esUrl, "dashboard.port", "0",
                "admin.password", ADMIN_PASSWORD, "topic.partitions", "3"));
        keys.putAll(extra);
        config = DashboardConfig.from(Settings.ofKeys(keys));
        admin = Admin.create(config.kafka().client());
        elastic = ElasticClientFactory.create(config.elastic());
        verticle = new DashboardVerticle(config, new DependencyHealth(admin, elastic), elastic, clock, metrics);
        vertx.deployVerticle(verticle).await();
        http = WebClient.create(vertx);
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrap(), "acks", "all"),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    public static TestDashboard start(LocalKafka kafka) {
        return new TestDashboard(kafka, UNREACHABLE_ES, Map.of());
    }

    public static TestDashboard start(LocalKafka kafka, String esUrl, Map<String, String> extra) {
        return new TestDashboard(kafka, esUrl, extra);
    }

    public int port() {
        return verticle.actualPort();
    }

    public HttpRequest<Buffer> request(HttpMethod method, String path) {
        return http.request(method, port(), "127.0.0.1", path).followRedirects(false);
    }

    /** Logs in; asserts success. */
    public Login login(String username, String password) {
        HttpResponse<Buffer> answer = tryLogin(username, password);
        assertThat(answer.statusCode()).as("login of %s: %s", username, answer.bodyAsString()).isEqualTo(200);
        JsonObject body = answer.bodyAsJsonObject();
        return new Login(username, body.getString("token"), body.getString("csrf"));
    }

    public HttpResponse<Buffer> tryLogin(String username, String password) {
        return request(HttpMethod.POST, "/api/v1/session")
                .sendJsonObject(new JsonObject().put("username", username).put("password", password)).await();
    }

    public Login loginAdmin() {
        return login("admin", ADMIN_PASSWORD);
    }

    /** GET with the bearer token. */
    public HttpResponse<Buffer> get(String path, Login who) {
        return request(HttpMethod.GET, path).bearerTokenAuthentication(who.token()).send().await();
    }

    /** POST JSON with the bearer token. */
    public HttpResponse<Buffer> post(String path, Login who, JsonObject body) {
        return request(HttpMethod.POST, path).bearerTokenAuthentication(who.token()).sendJsonObject(body).await();
    }

    /** POST JSON the way the browser does it: the cookie and the CSRF header. */
    public HttpResponse<Buffer> postWithCookie(String path, Login who, JsonObject body, boolean withCsrf) {
        HttpRequest<Buffer> r = request(HttpMethod.POST, path).putHeader("Cookie", who.cookie());
        if (withCsrf) {
            r.putHeader("X-CSRF-Token", who.csrf());
        }
        return r.sendJsonObject(body).await();
    }

    /** Creates (or updates) a user through the admin API with the given password. */
    public void saveUser(String username, String password, String role, List<String> districts, List<String> categories) {
        JsonObject body = new JsonObject().put("username", username).put("password", password).put("role", role)
                .put("districts", new JsonArray(districts)).put("categories", new JsonArray(categories));
        HttpResponse<Buffer> answer = post("/api/v1/admin/users", loginAdmin(), body);
        assertThat(answer.statusCode()).as("saving %s: %s", username, answer.bodyAsString()).isIn(200, 201);
    }

    /** Produces a record to a real topic with the topic's own serdes; waits for the broker's acknowledgement. */
    public <V> void produce(Topic<String, V> topic, String key, V value) {
        try {
            producer.send(new ProducerRecord<>(topic.name(), topic.keySerde().serializer().serialize(topic.name(), key),
                    value == null ? null : topic.valueSerde().serializer().serialize(topic.name(), value)))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot produce to " + topic.name(), e);
        }
    }

    /** Every value now in a topic, read from the beginning to the end. */
    public <V> List<V> readAll(Topic<String, V> topic) {
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]>(
                Map.of("bootstrap.servers", config.kafka().bootstrap()),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            List<V> out = new java.util.ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (var r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.value() != null) {
                        out.add(topic.valueSerde().deserializer().deserialize(topic.name(), r.value()));
                    }
                }
            }
            return out;
        }
    }

    /** One record as it is stored: its key and value as UTF-8 text (value null for a tombstone). */
    public record RawRecord(String key, String value) {
    }

    /** Every record now in a topic, keys and values as stored, read from the beginning to the end. */
    public List<RawRecord> readRaw(String topic) {
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]>(
                Map.of("bootstrap.servers", config.kafka().bootstrap()),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            List<RawRecord> out = new java.util.ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (var r : consumer.poll(Duration.ofMillis(200))) {
                    out.add(new RawRecord(r.key() == null ? null : new String(r.key(), java.nio.charset.StandardCharsets.UTF_8),
                            r.value() == null ? null : new String(r.value(), java.nio.charset.StandardCharsets.UTF_8)));
                }
            }
            return out;
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        vertx.close().await();
        admin.close();
        try {
            elastic.close();
        } catch (java.io.IOException e) {
            // closing
        }
    }
}
