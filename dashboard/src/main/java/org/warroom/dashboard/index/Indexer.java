package org.warroom.dashboard.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warroom.contracts.event.DeadLetter;
import org.warroom.contracts.topic.Topic;
import org.warroom.contracts.topic.Topics;

/**
 * The indexer: one plain {@link KafkaConsumer} on its own thread reads the feed and result topics, turns each record
 * into Elasticsearch writes ({@link DocumentMapper}) and hands them to the {@link BulkWriter}.
 *
 * <p>At-least-once without duplicates: a batch's offsets are committed only after Elasticsearch acknowledged every
 * write of the batch (or the record went to the dead-letter topic, acknowledged by Kafka). Writes that fail in a
 * retryable way (429, 5xx, no answer) are retried with exponential backoff for as long as it takes; meanwhile every
 * partition is paused and the consumer keeps polling (so it stays in the group) without fetching anything new:
 * back-pressure instead of loss. Once Elasticsearch is back the batch completes and consumption catches up. Ids come
 * from event ids, so the records a crash makes us read twice land on their own documents again.
 */
public final class Indexer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Indexer.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration IDLE_COMMIT_EVERY = Duration.ofSeconds(1);
    private static final int RAW_LIMIT = 10_000;

    private final IndexerConfig config;
    private final IndexerMetrics metrics;
    private final DocumentMapper mapper;
    private final BulkWriter writer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, DeadLetter> deadLetters;
    private final LagMonitor lag;
    private final Admin admin;
    private final Thread thread;
    private final Map<TopicPartition, Long> lastCommitted = new HashMap<>();
    private volatile boolean running = true;
    private volatile boolean backingOff;
    private volatile Throwable crashed;
    private Instant lastIdleCommit = Instant.EPOCH;

    public Indexer(IndexerConfig config, ElasticsearchClient client, IndexerMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
        this.mapper = new DocumentMapper(config.elastic().names());
        this.writer = new BulkWriter(client, config, metrics);
        Map<String, Object> c = config.kafka().client();
        c.put(ConsumerConfig.GROUP_ID_CONFIG, config.group());
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, config.group() + "-consumer");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxPollRecords());
        this.consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
        Map<String, Object> p = config.kafka().client();
        p.put(ProducerConfig.CLIENT_ID_CONFIG, config.group() + "-deadletter");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        Topic<String, DeadLetter> dl = Topics.DEAD_LETTER;
        this.deadLetters = new KafkaProducer<>(p, dl.keySerde().serializer(), dl.valueSerde().serializer());
        this.admin = Admin.create(config.kafka().client());
        this.lag = new LagMonitor(admin, config.group(), mapper.topics(), metrics);
        this.thread = new Thread(this::run, "indexer");
    }

    /** The topics the indexer reads. */
    public List<String> topics() {
        return mapper.topics();
    }

    public IndexerMetrics metrics() {
        return metrics;
    }

    /** Starts consuming on the indexer's own thread. */
    public void start() {
        thread.start();
        lag.start(config.lagInterval());
    }

    /** Whether the consumer thread is alive (false after close, or after an unexpected failure). */
    public boolean alive() {
        return thread.isAlive() && crashed == null;
    }

    private void run() {
        try {
            consumer.subscribe(mapper.topics(), new Rebalance());
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                if (records.isEmpty()) {
                    commitIdlePositions();
                    continue;
                }
                process(records);
            }
        } catch (WakeupException e) {
            if (running) {
                crashed = e;
                LOG.error("indexer woken up unexpectedly", e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            crashed = e;
            LOG.error("indexer stopped: {}", e.toString(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void process(ConsumerRecords<String, byte[]> records) throws InterruptedException {
        long started = System.nanoTime();
        metrics.consumed(records.count());
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        for (TopicPartition tp : records.partitions()) {
            commit.put(tp, new OffsetAndMetadata(consumer.position(tp)));
        }
        List<IndexAction> actions = new ArrayList<>(records.count());
        List<ProducerRecord<String, DeadLetter>> dead = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            try {
                actions.addAll(mapper.map(r));
            } catch (Unindexable e) {
                LOG.warn("record {}-{}@{} (key {}) cannot be indexed: {}", r.topic(), r.partition(), r.offset(),
                        r.key(), e.getMessage());
                dead.add(deadLetter(r.topic(), e.field(), e.getMessage(), raw(r.value())));
            }
        }
        writeAll(actions, dead);
        if (!running) {
            return; // shutting down mid-batch: nothing committed, the next start reads the batch again
        }
        sendDeadLetters(dead);
        commit(commit);
        metrics.batch(Duration.ofNanos(System.nanoTime() - started));
    }

    /** Writes until every action is acknowledged or rejected; retryable failures are retried with backoff. */
    private void writeAll(List<IndexAction> actions, List<ProducerRecord<String, DeadLetter>> dead)
            throws InterruptedException {
        List<IndexAction> pending = actions;
        Duration backoff = config.retryInitial();
        int attempt = 0;
        while (!pending.isEmpty() && running) {
            List<Outcome> outcomes = writer.write(pending);
            List<IndexAction> retry = new ArrayList<>();
            String lastReason = null;
            for (int i = 0; i < pending.size(); i++) {
                IndexAction a = pending.get(i);
                Outcome o = outcomes.get(i);
                switch (o.kind()) {
                    case DONE -> metrics.indexed(a.family());
                    case ALREADY_DONE -> metrics.duplicate(a.family());
                    case RETRY -> {
                        retry.add(a);
                        lastReason = o.reason();
                    }
                    case REJECTED -> {
                        LOG.warn("Elasticsearch refused {} {}/{}: {}", a.where(), a.index(), a.id(), o.reason());
                        dead.add(deadLetter(a.topic(), null, "Elasticsearch refused document " + a.index() + "/"
                                + a.id() + " (" + o.status() + "): " + o.reason(), rawOf(a)));
                    }
                }
            }
            pending = retry;
            if (!pending.isEmpty()) {
                attempt++;
                metrics.retried(pending.size());
                metrics.retrying(true);
                backingOff = true;
                if (attempt == 1 || attempt % 10 == 0) {
                    LOG.warn("{} writes not acknowledged (attempt {}), retrying in {}: {}", pending.size(), attempt,
                            backoff, lastReason);
                }
                waitPolling(backoff);
                backoff = backoff.multipliedBy(2).compareTo(config.retryMax()) > 0 ? config.retryMax()
                        : backoff.multipliedBy(2);
            }
        }
        if (backingOff) {
            LOG.info("Elasticsearch acknowledged again after {} retries; catching up", attempt);
        }
        backingOff = false;
        metrics.retrying(false);
        consumer.resume(consumer.paused());
    }

    /** Waits while polling with every partition paused, so the consumer stays in its group and fetches nothing. */
    private void waitPolling(Duration wait) {
        consumer.pause(consumer.assignment());
        long deadline = System.nanoTime() + wait.toNanos();
        while (running) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            ConsumerRecords<String, byte[]> unexpected = consumer.poll(Duration.ofNanos(left));
            if (!unexpected.isEmpty()) {
                // Partitions assigned during the wait are not paused yet: rewind them so nothing is skipped.
                for (TopicPartition tp : unexpected.partitions()) {
                    consumer.seek(tp, unexpected.records(tp).get(0).offset());
                }
                consumer.pause(consumer.assignment());
            }
        }
    }

    private void sendDeadLetters(List<ProducerRecord<String, DeadLetter>> dead) throws InterruptedException {
        Duration backoff = config.retryInitial();
        List<ProducerRecord<String, DeadLetter>> pending = dead;
        while (!pending.isEmpty() && running) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (ProducerRecord<String, DeadLetter> r : pending) {
                sent.add(deadLetters.send(r));
            }
            List<ProducerRecord<String, DeadLetter>> failed = new ArrayList<>();
            for (int i = 0; i < sent.size(); i++) {
                try {
                    sent.get(i).get(60, TimeUnit.SECONDS);
                    metrics.deadLettered();
                } catch (ExecutionException | TimeoutException e) {
                    LOG.warn("dead letter not acknowledged by Kafka, retrying: {}", e.toString());
                    failed.add(pending.get(i));
                }
            }
            pending = failed;
            if (!pending.isEmpty()) {
                waitPolling(backoff);
                backoff = backoff.multipliedBy(2).compareTo(config.retryMax()) > 0 ? config.retryMax()
                        : backoff.multipliedBy(2);
            }
        }
        consumer.resume(consumer.paused());
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        try {
            consumer.commitSync(offsets);
            offsets.forEach((tp, o) -> lastCommitted.put(tp, o.offset()));
        } catch (CommitFailedException | RebalanceInProgressException e) {
            // The partitions moved to another member, which reads from the last commit: the writes are idempotent.
            LOG.info("commit after a rebalance failed ({}); the new owner re-reads those records", e.getMessage());
        }
    }

    /**
     * After empty polls, commits positions that moved without records (past transaction markers), at most once a
     * second, so the committed offsets (and the lag) reach the end of each partition.
     */
    private void commitIdlePositions() {
        Instant now = Instant.now();
        if (Duration.between(lastIdleCommit, now).compareTo(IDLE_COMMIT_EVERY) < 0) {
            return;
        }
        lastIdleCommit = now;
        Map<TopicPartition, OffsetAndMetadata> moved = new HashMap<>();
        for (TopicPartition tp : consumer.assignment()) {
            try {
                long position = consumer.position(tp, Duration.ofMillis(100));
                Long last = lastCommitted.get(tp);
                if (last == null || position > last) {
                    moved.put(tp, new OffsetAndMetadata(position));
                }
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                // position unknown yet; next time
            }
        }
        if (!moved.isEmpty()) {
            commit(moved);
        }
    }

    private DeadLetter deadLetterValue(String topic, String field, String reason, String raw) {
        return new DeadLetter(topic, null, null, field, reason, raw, "indexer", Instant.now());
    }

    private ProducerRecord<String, DeadLetter> deadLetter(String topic, String field, String reason, String raw) {
        return new ProducerRecord<>(Topics.DEAD_LETTER.name(), topic, deadLetterValue(topic, field, reason, raw));
    }

    private static String raw(byte[] value) {
        if (value == null) {
            return null;
        }
        String s = new String(value, StandardCharsets.UTF_8);
        return s.length() > RAW_LIMIT ? s.substring(0, RAW_LIMIT) : s;
    }

    private static String rawOf(IndexAction a) {
        try {
            String s = org.warroom.contracts.json.Json.mapper().writeValueAsString(a.document());
            return s.length() > RAW_LIMIT ? s.substring(0, RAW_LIMIT) : s;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }

    /** Keeps new partitions paused while a batch is backing off. */
    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            partitions.forEach(lastCommitted::remove);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (backingOff) {
                consumer.pause(partitions);
            }
        }
    }

    /** Stops consuming (an unfinished batch is not committed and will be read again), then closes everything. */
    @Override
    public void close() {
        running = false;
        if (thread.isAlive()) {
            consumer.wakeup();
            try {
                thread.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else if (thread.getState() == Thread.State.NEW) {
            consumer.close(Duration.ZERO);
        }
        lag.close();
        writer.close();
        deadLetters.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }
}
