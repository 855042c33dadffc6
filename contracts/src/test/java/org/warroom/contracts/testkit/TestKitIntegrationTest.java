package org.warroom.contracts.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.event.CallEventType;
import org.warroom.contracts.event.CallStep;
import org.warroom.contracts.topic.Topic;
import org.warroom.contracts.topic.Topics;
import org.warroom.testkit.LocalElasticsearch;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealElasticsearch;
import org.warroom.testkit.RealKafka;

/** The test kit itself: the broker and the node it gives are real and answer. */
@ExtendWith({RealKafka.class, RealElasticsearch.class})
class TestKitIntegrationTest {

    @Test
    @DisplayName("the local broker creates every topic once and round-trips a call step as JSON")
    void shouldRoundTripAnEventThroughTheRealBroker(LocalKafka kafka) throws Exception {
        kafka.ensure(Topics.feeds());
        kafka.ensure(Topics.feeds()); // idempotent
        try (Admin admin = Admin.create(kafka.kafkaSettings().client())) {
            assertThat(admin.listTopics().names().get()).containsAll(Topics.feeds().stream().map(Topic::name).toList());
        }

        Topic<String, CallStep> calls = Topics.CALLS;
        CallStep step = new CallStep("s-1", "c-1", "181", "396", CallEventType.STARTED,
                OffsetDateTime.parse("2026-04-01T18:13:00+05:30"), "+919800000001", null, "test");
        Map<String, Object> config = kafka.kafkaSettings().client();
        try (var producer = new KafkaProducer<>(config, calls.keySerde().serializer(), calls.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(calls.name(), step.call(), step)).get();
        }
        config.put("group.id", "testkit-" + System.nanoTime());
        config.put("auto.offset.reset", "earliest");
        try (var consumer = new KafkaConsumer<>(config, calls.keySerde().deserializer(), calls.valueSerde().deserializer())) {
            consumer.subscribe(List.of(calls.name()));
            ConsumerRecord<String, CallStep> got = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (got == null && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, CallStep> r : consumer.poll(Duration.ofMillis(200))) {
                    got = r;
                }
            }
            assertThat(got).isNotNull();
            assertThat(got.key()).isEqualTo("c-1");
            assertThat(got.value()).isEqualTo(step);
            assertThat(got.value().at().getOffset().getTotalSeconds()).isEqualTo(5 * 3600 + 1800);
        }
    }

    @Test
    @DisplayName("the local Elasticsearch node is green or yellow and indexes a Hindi document")
    void shouldAnswerClusterHealthAndIndexADocument(LocalElasticsearch es) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(es.url() + "/_cluster/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).containsPattern("\"status\":\"(green|yellow)\"");

        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(es.url() + "/testkit/_doc/1?refresh=true"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"text\":\"भोपाल में राशन नहीं\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(201);
        HttpResponse<String> count = http.send(HttpRequest.newBuilder(URI.create(es.url() + "/testkit/_count?q=text:राशन"
                .replace("राशन", java.net.URLEncoder.encode("राशन", java.nio.charset.StandardCharsets.UTF_8)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(count.body()).contains("\"count\":1");
    }
}
