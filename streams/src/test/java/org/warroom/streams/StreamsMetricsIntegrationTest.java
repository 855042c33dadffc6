package org.warroom.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.testkit.Eventually.eventually;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.event.CallEventType;
import org.warroom.contracts.event.CallStep;
import org.warroom.contracts.topic.Topics;
import org.warroom.streams.config.WarroomStreamsConfig;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealKafka;
import org.warroom.testkit.Scrape;

/** Streams' {@code /metrics} on a real broker: its state, Kafka Streams' own metrics moving as records are processed. */
@ExtendWith(RealKafka.class)
class StreamsMetricsIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    @DisplayName("/metrics: the RUNNING state, records processed by the stream threads, JVM and disk, typed")
    void shouldExposeKafkaStreamsMetricsThroughMicrometer(LocalKafka kafka) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path state = Files.createTempDirectory("warroom-streams-metrics-it");
        WarroomStreamsConfig config = WarroomStreamsConfig.from(kafka.settings().with(Map.of(
                "streams.application.id", "warroom-streams-metrics-it-" + run,
                "streams.state.dir", state.toString(),
                "management.host", "127.0.0.1",
                "management.port", "0")));
        try (StreamsService streams = StreamsService.start(config);
             KafkaProducer<String, CallStep> producer = new KafkaProducer<>(kafka.kafkaSettings().client(),
                     Topics.CALLS.keySerde().serializer(), Topics.CALLS.valueSerde().serializer())) {
            eventually(WAIT, () -> assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING));
            String running = scrape(streams);
            assertThat(Scrape.value(running, "warroom_streams_up")).hasValue(1);
            assertThat(Scrape.value(running, "warroom_streams_state{state=\"RUNNING\"}")).hasValue(1);
            assertThat(Scrape.value(running, "warroom_streams_state{state=\"ERROR\"}")).hasValue(0);
            double before = Scrape.sum(running, "kafka_stream_thread_process_total").orElse(0);

            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHoursMinutes(5, 30));
            for (int i = 0; i < 5; i++) {
                String call = "m" + i + "-" + run;
                producer.send(new ProducerRecord<>(Topics.CALLS.name(), call, new CallStep(call + "-1", call,
                        "181-" + run, "396", CallEventType.STARTED, now, "+919800000001", null, "it")));
            }
            producer.flush();

            eventually(WAIT, () -> assertThat(Scrape.sum(scrape(streams), "kafka_stream_thread_process_total")
                    .orElse(0)).isGreaterThanOrEqualTo(before + 5));
            String text = scrape(streams);
            assertThat(text).contains("# TYPE kafka_stream_thread_process_total counter")
                    .contains("# TYPE warroom_streams_up gauge");
            assertThat(Scrape.sum(text, "jvm_memory_used_bytes", "area=\"heap\"").orElseThrow()).isPositive();
            assertThat(Scrape.sum(text, "disk_free_bytes").orElseThrow()).isPositive();
        }
    }

    private static String scrape(StreamsService streams) {
        HttpResponse<String> answer;
        try {
            answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + streams.managementPort() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException("cannot scrape streams: " + e, e);
        }
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        return answer.body();
    }
}
