package org.warroom.vertxkafka;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.kafka.client.common.TopicPartition;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warroom.contracts.config.KafkaSettings;

/**
 * Reads whole topics from the beginning and then follows them, with the Vert.x Kafka client on the caller's
 * context (the consumer itself is made on a worker thread and closed on the client's own, never on an event loop):
 * every partition assigned by hand (no consumer group, nothing committed, so every dashboard instance reads
 * everything), records handed over raw to a {@link RecordSink}. {@link #start()} completes once the consumer's
 * position has reached every partition's end at start; the Vert.x client may still be handing over the last poll's
 * records then (a few hundred at most), which follow at once — a table built from it converges right after.
 */
public final class CompactedReader {
    private static final Logger LOG = LoggerFactory.getLogger(CompactedReader.class);

    /** Receives one record; {@code value} null is a tombstone. Runs on the event loop: must not block. */
    @FunctionalInterface
    public interface RecordSink {
        void accept(String topic, String key, byte[] value, int partition, long offset);
    }

    private final Vertx vertx;
    private final List<String> topics;
    private final String clientId;
    private final RecordSink sink;
    private final Map<String, Object> config = new HashMap<>();
    private final AtomicLong records = new AtomicLong();
    private Future<KafkaConsumer<byte[], byte[]>> opening;
    private KafkaConsumer<byte[], byte[]> consumer;
    private volatile boolean closed;
    private long timer = -1;

    /** Only remembers what to read: the consumer is made by {@link #start()}, on a worker thread. */
    public CompactedReader(Vertx vertx, KafkaSettings kafka, String clientId, List<String> topics, RecordSink sink) {
        this.vertx = vertx;
        this.topics = List.copyOf(topics);
        this.clientId = clientId;
        this.sink = sink;
        config.putAll(kafka.client());
        config.put("enable.auto.commit", "false");
        config.put("auto.offset.reset", "earliest");
        config.put("client.id", clientId);
    }

    /** Assigns every partition, seeks to the beginning, and completes once caught up with the end at start. */
    public Future<Void> start() {
        if (opening != null) {
            throw new IllegalStateException(clientId + " is already started");
        }
        opening = open();
        return opening.compose(c -> read());
    }

    /**
     * Makes the Kafka consumer on a worker thread (its constructor loads classes, reads configuration and resolves
     * the bootstrap addresses, which blocks an event loop on a busy machine), then wraps it in the Vert.x client on
     * the caller's context.
     */
    private Future<KafkaConsumer<byte[], byte[]>> open() {
        return vertx.executeBlocking(() -> new org.apache.kafka.clients.consumer.KafkaConsumer<>(config,
                new ByteArrayDeserializer(), new ByteArrayDeserializer()), false).compose(kafka -> {
                    if (closed) {
                        return vertx.executeBlocking(() -> {
                            kafka.close(Duration.ZERO);
                            return null;
                        }, false).compose(v -> Future.failedFuture(clientId + " was closed while starting"));
                    }
                    consumer = KafkaConsumer.create(vertx, kafka);
                    return Future.succeededFuture(consumer);
                });
    }

    private Future<Void> read() {
        consumer.exceptionHandler(e -> LOG.warn("{}: Kafka consumer problem: {}", clientId, e.toString()));
        List<Future<List<io.vertx.kafka.client.common.PartitionInfo>>> lookups = new ArrayList<>();
        for (String topic : topics) {
            lookups.add(consumer.partitionsFor(topic));
        }
        return Future.all(lookups).compose(found -> {
            Set<TopicPartition> partitions = new HashSet<>();
            for (int i = 0; i < topics.size(); i++) {
                List<io.vertx.kafka.client.common.PartitionInfo> infos = found.resultAt(i);
                if (infos == null || infos.isEmpty()) {
                    return Future.failedFuture("topic " + topics.get(i) + " does not exist");
                }
                infos.forEach(p -> partitions.add(new TopicPartition(p.getTopic(), p.getPartition())));
            }
            return consumer.assign(partitions)
                    .compose(v -> consumer.seekToBeginning(partitions))
                    .compose(v -> consumer.endOffsets(partitions))
                    .compose(end -> {
                        consumer.handler(this::handle);
                        return caughtUp(end);
                    });
        }).onSuccess(v -> LOG.info("{}: loaded {} records from {}", clientId, records.get(), topics));
    }

    private void handle(KafkaConsumerRecord<byte[], byte[]> r) {
        records.incrementAndGet();
        String key = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
        try {
            sink.accept(r.topic(), key, r.value(), r.partition(), r.offset());
        } catch (RuntimeException e) {
            LOG.warn("{}: skipped unreadable record {}-{} offset {} key {}: {}", clientId, r.topic(), r.partition(),
                    r.offset(), key, e.getMessage());
        }
    }

    private Future<Void> caughtUp(Map<TopicPartition, Long> end) {
        Promise<Void> done = Promise.promise();
        check(end, done);
        return done.future();
    }

    private void check(Map<TopicPartition, Long> end, Promise<Void> done) {
        List<Future<Boolean>> checks = new ArrayList<>();
        end.forEach((tp, last) -> checks.add(last == 0 ? Future.succeededFuture(true)
                : consumer.position(tp).map(pos -> pos >= last)));
        Future.all(checks).onComplete(ar -> {
            if (closed) {
                done.tryFail(clientId + " was closed while catching up");
            } else if (ar.succeeded() && checks.stream().allMatch(Future::result)) {
                done.tryComplete();
            } else {
                timer = vertx.setTimer(50, t -> check(end, done));
            }
        });
    }

    /** How many records were handed over so far. */
    public long records() {
        return records.get();
    }

    /** Stops reading; the consumer is closed on the Vert.x client's own worker thread (never on the event loop). */
    public Future<Void> close() {
        closed = true;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        if (opening == null) {
            return Future.succeededFuture();
        }
        return opening.transform(ar -> ar.succeeded() ? ar.result().close() : Future.succeededFuture());
    }
}
