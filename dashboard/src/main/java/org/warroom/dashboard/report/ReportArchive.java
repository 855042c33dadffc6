package org.warroom.dashboard.report;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.warroom.contracts.config.KafkaSettings;
import org.warroom.contracts.report.ReportTopics;
import org.warroom.contracts.report.StoredReport;
import org.warroom.vertxkafka.CompactedReader;
import org.warroom.vertxkafka.TopicWriter;

/**
 * The scheduled reports kept in the compacted topic {@link ReportTopics#REPORTS}: what exists (and where: partition
 * and offset) is held in memory, the PDFs themselves stay in Kafka and are read back by offset when asked for — so a
 * past report comes back byte for byte as it was sent, and memory does not grow with the years of reports.
 */
public final class ReportArchive {
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(15);

    /** One kept report, without its bytes. */
    public record Entry(String id, LocalDate date, String edition, String district, String language,
                        Instant generatedAt, int size, int partition, long offset) {
    }

    private final TopicWriter writer;
    private final KafkaSettings kafka;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private Vertx vertx;
    private CompactedReader reader;

    public ReportArchive(TopicWriter writer, KafkaSettings kafka) {
        this.writer = writer;
        this.kafka = kafka;
    }

    public Future<Void> start(Vertx vertx, String instance) {
        this.vertx = vertx;
        reader = new CompactedReader(vertx, kafka, "warroom-dashboard-reports-" + instance,
                List.of(ReportTopics.REPORTS.name()), (topic, key, value, partition, offset) -> {
                    if (value == null) {
                        entries.remove(key);
                        return;
                    }
                    StoredReport r = ReportTopics.REPORTS.valueSerde().deserializer().deserialize(topic, value);
                    entries.put(r.id(), entry(r, partition, offset));
                });
        return reader.start();
    }

    private static Entry entry(StoredReport r, int partition, long offset) {
        return new Entry(r.id(), r.date(), r.edition(), r.district(), r.language(), r.generatedAt(), r.pdf().length,
                partition, offset);
    }

    /** Keeps a report; completes once Kafka has it. */
    public Future<Entry> store(StoredReport report) {
        return writer.write(ReportTopics.REPORTS, report.id(), report).map(meta -> {
            Entry e = entry(report, meta.partition(), meta.offset());
            entries.put(e.id(), e);
            return e;
        });
    }

    /** Every kept report, newest first. */
    public List<Entry> list() {
        return entries.values().stream().sorted(Comparator.comparing(Entry::date).reversed()
                .thenComparing(Entry::edition, Comparator.reverseOrder()).thenComparing(Entry::id)).toList();
    }

    public Optional<Entry> find(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    /** The kept report's bytes, read back from its offset (on a worker thread). */
    public Future<StoredReport> fetch(Entry entry) {
        return vertx.executeBlocking(() -> {
            Map<String, Object> config = new HashMap<>(kafka.client());
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
            config.put(ConsumerConfig.CLIENT_ID_CONFIG, "warroom-dashboard-report-fetch");
            TopicPartition tp = new TopicPartition(ReportTopics.REPORTS.name(), entry.partition());
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                    new ByteArrayDeserializer())) {
                consumer.assign(List.of(tp));
                consumer.seek(tp, entry.offset());
                long deadline = System.nanoTime() + FETCH_TIMEOUT.toNanos();
                while (System.nanoTime() < deadline) {
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                        if (r.offset() == entry.offset() && r.value() != null) {
                            return ReportTopics.REPORTS.valueSerde().deserializer().deserialize(r.topic(), r.value());
                        }
                    }
                }
            }
            throw new IllegalStateException("report " + entry.id() + " could not be read back from Kafka");
        }, false);
    }

    public Future<Void> close() {
        return reader == null ? Future.succeededFuture() : reader.close();
    }
}
