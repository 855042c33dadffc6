package org.warroom.vertxkafka;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.kafka.client.common.TopicPartition;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.consumer.KafkaConsumerRecords;
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
 * everything), records handed over raw to a {@link RecordSink}. It polls by itself and hands each batch over
 * before it asks for the positions, so {@link #start()} completes once every record before each partition's end at
 * start has been handed over. (With the client's record handler the position moved before the last poll's records
 * were handed over: a campaign was read before its members.)
 */
public final class CompactedReader {
    private static final Logger LOG = LoggerFactory.getLogger(CompactedReader.class);
    private static final Duration POLL = Duration.ofMillis(200);

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
        long deadline = System.currentTimeMillis() + 30_000;
        for (String topic : topics) {
            lookups.add(partitionsFor(topic, deadline));
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
                        Promise<Void> caughtUp = Promise.promise();
                        poll(end, caughtUp);
                        return caughtUp.future();
                    });
        }).onSuccess(v -> LOG.info("{}: loaded {} records from {}", clientId, records.get(), topics));
    }

    /**
     * The partitions of {@code topic}, asked again for up to 30 s while none are known: with several brokers, the
     * broker the consumer asks may not know a topic yet that another one just created (a local 3-node cluster's
     * dashboard failed with "topic warroom.campaign-members does not exist" under load).
     */
    private Future<List<io.vertx.kafka.client.common.PartitionInfo>> partitionsFor(String topic, long deadline) {
        return consumer.partitionsFor(topic).compose(infos -> {
            if ((infos != null && !infos.isEmpty()) || System.currentTimeMillis() > deadline || closed) {
                return Future.succeededFuture(infos);
            }
            Promise<List<io.vertx.kafka.client.common.PartitionInfo>> again = Promise.promise();
            vertx.setTimer(500, t -> partitionsFor(topic, deadline).onComplete(again));
            return again.future();
        });
    }

    /**
     * Polls, hands the batch over, and (until caught up) compares the positions with the ends at start; then polls
     * again, for as long as the reader is open. The position moves only with the records a poll returned, so once it
     * has reached an end every record before it has been handed over (a transaction marker at the end included).
     */
    private void poll(Map<TopicPartition, Long> end, Promise<Void> caughtUp) {
        if (closed) {
            caughtUp.tryFail(clientId + " was closed while catching up");
            return;
        }
        consumer.poll(POLL).onComplete(ar -> {
            if (ar.succeeded()) {
                KafkaConsumerRecords<byte[], byte[]> batch = ar.result();
                for (int i = 0; i < batch.size(); i++) {
                    handle(batch.recordAt(i));
                }
            } else if (!closed) {
                LOG.warn("{}: poll failed: {}", clientId, ar.cause().toString());
            }
            if (caughtUp.future().isComplete()) {
                poll(end, caughtUp);
                return;
            }
            List<Future<Boolean>> checks = new ArrayList<>();
            end.forEach((tp, last) -> checks.add(last == 0 ? Future.succeededFuture(true)
                    : consumer.position(tp).map(pos -> pos >= last)));
            Future.all(checks).onComplete(done -> {
                if (done.succeeded() && checks.stream().allMatch(Future::result)) {
                    caughtUp.tryComplete();
                }
                poll(end, caughtUp);
            });
        });
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

    /** How many records were handed over so far. */
    public long records() {
        return records.get();
    }

    /** Stops reading; the consumer is closed on the Vert.x client's own worker thread (never on the event loop). */
    public Future<Void> close() {
        closed = true;
        if (opening == null) {
            return Future.succeededFuture();
        }
        return opening.transform(ar -> ar.succeeded() ? ar.result().close() : Future.succeededFuture());
    }
}
