package org.warroom.bench;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.result.ShortageLevel;
import org.warroom.contracts.result.ShortageStatus;
import org.warroom.contracts.topic.ResultTopics;

/**
 * The fan-out probe: writes a shortage status for the probe district straight to the result topic
 * {@code warroom.shortages} (as streams would) with a fresh marker as its stock, so delivery measures the dashboard
 * alone: result topic → dashboard → every websocket client. The latencies land in the given freshness probe's
 * percentiles (same marker matching).
 */
final class ResultProbe implements AutoCloseable {
    private final KafkaProducer<byte[], byte[]> producer;
    private final FreshnessProbe markers;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final AtomicLong marker = new AtomicLong(5_000_000);
    final AtomicLong sent = new AtomicLong();

    ResultProbe(Stack stack, FreshnessProbe markers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "warroom-bench-fanout");
        this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
        this.markers = markers;
    }

    void start(long intervalMillis) {
        timer.scheduleAtFixedRate(this::send, 0, intervalMillis, TimeUnit.MILLISECONDS);
    }

    private void send() {
        long m = marker.incrementAndGet();
        String key = ShortageStatus.key(FreshnessProbe.DISTRICT, Commodity.SANITARY);
        ShortageStatus status = new ShortageStatus(FreshnessProbe.DISTRICT, Commodity.SANITARY, (double) m, 1.0, (double) m,
                ShortageLevel.OK, 0, OffsetDateTime.now(ZoneOffset.ofHoursMinutes(5, 30)).truncatedTo(ChronoUnit.MILLIS),
                null, "kg", null, null, "bench-fanout-" + m);
        markers.expect(m);
        producer.send(new ProducerRecord<>(ResultTopics.SHORTAGES.name(), ResultTopics.SHORTAGES.keySerde().serializer()
                .serialize(ResultTopics.SHORTAGES.name(), key), ResultTopics.SHORTAGES.valueSerde().serializer()
                .serialize(ResultTopics.SHORTAGES.name(), status)));
        sent.incrementAndGet();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        producer.close();
    }
}
