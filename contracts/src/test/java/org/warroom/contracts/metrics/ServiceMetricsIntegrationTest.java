package org.warroom.contracts.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.warroom.contracts.topic.Topic;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealKafka;
import org.warroom.testkit.Scrape;

@ExtendWith(RealKafka.class)
class ServiceMetricsIntegrationTest {

    @Test
    @DisplayName("the registry reports JVM, process and disk, and a bound producer's sends as they happen")
    void shouldReportJvmProcessDiskAndKafkaClient(LocalKafka kafka, @TempDir Path data) throws Exception {
        String topic = "metrics-" + System.nanoTime();
        kafka.ensure(List.of(new Topic<>(topic, Serdes.String(), Serdes.String(), false)));
        try (ServiceMetrics metrics = ServiceMetrics.create(data);
             KafkaProducer<String, String> producer = new KafkaProducer<>(kafka.kafkaSettings().client(),
                     new StringSerializer(), new StringSerializer())) {
            metrics.bind(producer);
            String before = metrics.scrape();
            assertThat(Scrape.sum(before, "kafka_producer_record_send_total")).hasValue(0);

            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + i, "v")).get();
            }

            String text = metrics.scrape();
            assertThat(Scrape.sum(text, "kafka_producer_record_send_total").orElseThrow()).isEqualTo(3);
            assertThat(Scrape.sum(text, "jvm_memory_used_bytes", "area=\"heap\"").orElseThrow()).isPositive();
            assertThat(Scrape.sum(text, "jvm_memory_max_bytes", "area=\"heap\"").orElseThrow()).isPositive();
            assertThat(Scrape.sum(text, "process_uptime_seconds").orElseThrow()).isPositive();
            assertThat(Scrape.sum(text, "jvm_threads_live_threads").orElseThrow()).isPositive();
            assertThat(Scrape.sum(text, "disk_free_bytes").orElseThrow()).isPositive();
            assertThat(Scrape.sum(text, "disk_total_bytes").orElseThrow())
                    .isGreaterThanOrEqualTo(Scrape.sum(text, "disk_free_bytes").orElseThrow());
            assertThat(text).contains("# TYPE kafka_producer_record_send_total counter");
        }
    }

    @Test
    @DisplayName("without a data folder: the JVM meters and no disk meter")
    void shouldWorkWithoutADataFolder() {
        try (ServiceMetrics metrics = ServiceMetrics.create()) {
            assertThat(metrics.scrape()).contains("jvm_gc_").doesNotContain("disk_free_bytes");
            assertThat(ServiceMetrics.CONTENT_TYPE).startsWith("text/plain; version=0.0.4");
        }
    }
}
