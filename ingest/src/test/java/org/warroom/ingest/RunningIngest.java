package org.warroom.ingest;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.warroom.contracts.access.ApiKeyGrant;
import org.warroom.contracts.metrics.ServiceMetrics;
import org.warroom.contracts.topic.Topic;
import org.warroom.contracts.topic.Topics;
import org.warroom.ingest.auth.ApiKeys;
import org.warroom.ingest.auth.FirstKey;
import org.warroom.ingest.config.IngestConfig;
import org.warroom.ingest.reference.DirectoryPlaces;
import org.warroom.ingest.reference.Places;
import org.warroom.testkit.LocalKafka;

/** The real ingest verticle on a free port against a real broker, with an HTTP client and topic readers. */
final class RunningIngest implements AutoCloseable {
    static final Places PLACES = DirectoryPlaces.load(java.util.Optional.empty(), List.of("23", "10"));

    final Vertx vertx;
    final LocalKafka kafka;
    final IngestVerticle verticle;
    final WebClient client;
    final String key;
    final Path dataDir;

    private RunningIngest(Vertx vertx, LocalKafka kafka, IngestVerticle verticle, String key, Path dataDir) {
        this.vertx = vertx;
        this.kafka = kafka;
        this.verticle = verticle;
        this.key = key;
        this.dataDir = dataDir;
        this.client = WebClient.create(vertx);
    }

    static RunningIngest start(LocalKafka kafka, Map<String, String> overrides) {
        return start(kafka, overrides, Clock.systemUTC());
    }

    /** With the service's clock (event times, rate limits) given: a test may move it by hand. */
    static RunningIngest start(LocalKafka kafka, Map<String, String> overrides, Clock clock) {
        return start(kafka, overrides, clock, PLACES);
    }

    /** With its own reference data (a test that teaches it aliases must not teach the shared one). */
    static RunningIngest start(LocalKafka kafka, Map<String, String> overrides, Clock clock, Places places) {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("warroom-ingest-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String key = ApiKeys.generate();
        Map<String, String> settings = new HashMap<>(Map.of("ingest.port", "0", "data.dir", dataDir.toString(),
                "ingest.key", key));
        settings.putAll(overrides);
        IngestConfig config = IngestConfig.from(kafka.settings().with(settings));
        // As IngestMain runs it: Vert.x reporting to the service's registry.
        ServiceMetrics metrics = ServiceMetrics.create(dataDir);
        Vertx vertx = IngestMain.vertx(metrics);
        IngestVerticle verticle = new IngestVerticle(config, FirstKey.resolve(config.ingestKey(), config.ingestKeyFile()),
                places, clock, metrics);
        vertx.deployVerticle(verticle).await();
        return new RunningIngest(vertx, kafka, verticle, key, dataDir);
    }

    HttpRequest<Buffer> post(String path, String apiKey) {
        HttpRequest<Buffer> request = client.post(verticle.port(), "127.0.0.1", path);
        if (apiKey != null) {
            request.putHeader("Authorization", "Bearer " + apiKey);
        }
        return request;
    }

    HttpResponse<Buffer> postNdjson(String path, String apiKey, String body) {
        return post(path, apiKey).putHeader("Content-Type", "application/x-ndjson").sendBuffer(Buffer.buffer(body)).await();
    }

    HttpResponse<Buffer> get(String path) {
        return client.get(verticle.port(), "127.0.0.1", path).send().await();
    }

    /**
     * The value of one series on {@code /metrics} (Prometheus text), e.g. {@code warroom_ingest_accepted_total{feed="calls"}};
     * 0 when the series is not there yet (a counter appears with its first increment).
     */
    double metric(String series) {
        for (String line : get("/metrics").bodyAsString().split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).strip());
            }
        }
        return 0;
    }

    /** Stores a grant for a new key with these limits and returns the key (known to ingest shortly after). */
    String grantKey(String source, List<String> feeds, List<String> districts) {
        String newKey = ApiKeys.generate();
        ApiKeyGrant grant = new ApiKeyGrant(ApiKeys.keyId(newKey), source, ApiKeys.sha256(newKey), feeds, districts,
                java.time.Instant.now(), "test", null);
        try (KafkaProducer<String, ApiKeyGrant> producer = new KafkaProducer<>(kafka.kafkaSettings().client(),
                Topics.API_KEYS.keySerde().serializer(), Topics.API_KEYS.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(Topics.API_KEYS.name(), grant.keyId(), grant)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return newKey;
    }

    /** Every record of a topic so far whose value matches. */
    static <V> List<ConsumerRecord<String, V>> read(LocalKafka kafka, Topic<String, V> topic, Predicate<V> which) {
        Map<String, Object> config = new HashMap<>(kafka.kafkaSettings().client());
        config.put("group.id", "test-" + UUID.randomUUID());
        List<ConsumerRecord<String, V>> out = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, topic.keySerde().deserializer(),
                topic.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.value() != null && which.test(r.value())) {
                        out.add(r);
                    }
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        client.close();
        vertx.close().await();
    }
}
