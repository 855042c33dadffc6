package org.warroom.indexer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.warroom.contracts.trace.TraceIds;

/**
 * The indexer: one plain {@link KafkaConsumer} on its own thread reads the feed and result topics, turns each record
 * into Elasticsearch writes ({@link DocumentMapper}) and hands them to the {@link BulkWriter} without waiting for the
 * answers: it goes on polling and mapping while earlier polls' bulk requests are in flight, up to
 * {@code indexer.max.in.flight.polls} polls or {@code indexer.max.in.flight.bytes} of records; beyond that every
 * partition is paused until answers come back (back-pressure).
 *
 * <p>At-least-once without duplicates: per partition, offsets are committed only up to the end of the newest poll
 * such that every write of it and of every older poll of that partition was acknowledged by Elasticsearch (or its
 * record went to the dead-letter topic, acknowledged by Kafka: {@link DeadLetters}) — {@link InFlightPolls}. Writes
 * that fail in a retryable way (429, 5xx, no answer) are retried with exponential backoff for as long as it takes
 * ({@link Retries}), and hold their partition's commit back; meanwhile every partition is paused and the consumer
 * keeps polling (so it stays in the group) without fetching anything new: back-pressure instead of loss. Once
 * Elasticsearch is back the retries complete and consumption catches up. Ids come from event ids (and updated
 * documents carry the Kafka offset as an external version), so the records a crash makes us read twice — and writes
 * of several polls answered out of order — land on their own documents again.
 */
public final class Indexer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Indexer.class);
    private static final Duration POLL = Duration.ofMillis(500);
    /** Poll timeout while answers are awaited: answers are handled (and offsets committed) at least this often. */
    private static final Duration BUSY_POLL = Duration.ofMillis(20);
    private static final Duration IDLE_COMMIT_EVERY = Duration.ofSeconds(1);
    /** A bulk request answers well within this, or the transport gives up first (socket timeout 30 s). */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(90);

    private final IndexerConfig config;
    private final IndexerMetrics metrics;
    private final DocumentMapper mapper;
    private final BulkWriter writer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final DeadLetters deadLetters;
    private final Retries retries;
    private final LagMonitor lag;
    private final Admin admin;
    private final Thread thread;
    /** Answers from Elasticsearch (submissions) and Kafka (dead letters), handled on the consumer thread. */
    private final LinkedBlockingQueue<Object> answers = new LinkedBlockingQueue<>();
    private final InFlightPolls inFlight = new InFlightPolls();
    private final Set<Submission> outstanding = new HashSet<>();
    private volatile boolean running = true;
    private volatile boolean holding;
    private volatile Throwable crashed;
    private Instant lastIdleCommit = Instant.EPOCH;

    public Indexer(IndexerConfig config, ElasticsearchClient client, IndexerMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
        this.retries = new Retries(config.retryInitial(), config.retryMax(), metrics);
        this.mapper = new DocumentMapper(config.elastic().names());
        this.writer = new BulkWriter(client, config, metrics, answers::add);
        Map<String, Object> c = config.kafka().client();
        c.put(ConsumerConfig.GROUP_ID_CONFIG, config.group());
        if (config.instanceId() != null) {
            // Static membership: a restarted indexer gets its partitions back at once, not after the old session (45 s).
            c.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, config.instanceId());
        }
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, config.group() + "-consumer");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxPollRecords());
        this.consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
        metrics.bind(consumer);
        this.deadLetters = new DeadLetters(config, answers::add);
        metrics.bind(deadLetters.producer());
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
                handleAnswers();
                retryWhenDue();
                expireOverdue();
                commitFinished(false);
                boolean hold = retries.backingOff() || inFlight.size() >= config.maxInFlightPolls()
                        || inFlight.bytes() >= config.maxInFlightBytes();
                hold(hold);
                ConsumerRecords<String, byte[]> records = consumer.poll(hold ? Duration.ZERO
                        : inFlight.isEmpty() ? POLL : BUSY_POLL);
                if (!records.isEmpty()) {
                    process(records); // while holding: only partitions assigned since, not paused yet
                } else if (hold) {
                    awaitAnswer();
                } else if (inFlight.isEmpty()) {
                    commitIdlePositions();
                }
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

    /** Pauses every partition (nothing more is fetched) or resumes them. */
    private void hold(boolean now) {
        if (now) {
            consumer.pause(consumer.assignment());
        } else if (holding) {
            consumer.resume(consumer.paused());
        }
        holding = now;
    }

    /** Waits (briefly) for the next answer or the next retry, whichever comes first. */
    private void awaitAnswer() throws InterruptedException {
        long wait = retries.nanosToWait(TimeUnit.MILLISECONDS.toNanos(100), System.nanoTime());
        Object answer = answers.poll(wait, TimeUnit.NANOSECONDS);
        if (answer != null) {
            handle(answer);
        }
    }

    private void process(ConsumerRecords<String, byte[]> records) {
        metrics.consumed(records.count());
        Map<TopicPartition, Long> ends = new HashMap<>();
        for (TopicPartition tp : records.partitions()) {
            ends.put(tp, consumer.position(tp));
        }
        long bytes = 0;
        for (ConsumerRecord<String, byte[]> r : records) {
            bytes += Math.max(0, r.serializedValueSize()) + Math.max(0, r.serializedKeySize());
        }
        InFlightPolls.Poll poll = inFlight.open(ends, bytes);
        List<IndexAction> actions = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> r : records) {
            TopicPartition tp = new TopicPartition(r.topic(), r.partition());
            try {
                for (IndexAction a : mapper.map(r)) {
                    inFlight.expect(poll, tp);
                    actions.add(a);
                }
            } catch (Unindexable e) {
                // The event's correlation id, when ingest gave it one, on this line (docs/LOGGING.md).
                try (MDC.MDCCloseable trace = TraceIds.read(r.headers())
                        .map(id -> MDC.putCloseable(TraceIds.LOG_FIELD, id)).orElse(null)) {
                    LOG.warn("record {}-{}@{} (key {}) cannot be indexed: {}", r.topic(), r.partition(), r.offset(),
                            r.key(), e.getMessage());
                }
                inFlight.expect(poll, tp);
                deadLetters.unindexable(poll, tp, r, e);
            }
        }
        metrics.pollsInFlight(inFlight.size());
        submit(new Submission(poll, actions));
        if (records.count() < config.maxPollRecords()) {
            writer.flush(); // caught up: send now rather than after the flush interval
        }
    }

    private void submit(Submission submission) {
        outstanding.add(submission);
        writer.submit(submission);
    }

    private void handleAnswers() {
        Object answer;
        while ((answer = answers.poll()) != null) {
            handle(answer);
        }
    }

    private void handle(Object answer) {
        if (answer instanceof Submission s) {
            handle(s);
        } else if (answer instanceof DeadLetters.Answer d) {
            if (d.acknowledged()) {
                metrics.deadLettered();
                inFlight.finish(d.poll(), d.tp());
                retries.recoveredIfClear();
            } else if (d.poll().owns(d.tp())) {
                LOG.warn("dead letter not acknowledged by Kafka, retrying: {}", d.failure().toString());
                retries.deadLetter(d);
            }
        }
    }

    /** Counts each answered write, queues the retryable ones and dead-letters the refused ones. */
    private void handle(Submission s) {
        outstanding.remove(s);
        InFlightPolls.Poll poll = s.poll();
        List<IndexAction> actions = s.actions();
        List<Outcome> outcomes = s.outcomes();
        int retry = 0;
        String lastReason = null;
        for (int i = 0; i < actions.size(); i++) {
            IndexAction a = actions.get(i);
            Outcome o = outcomes.get(i);
            TopicPartition tp = new TopicPartition(a.topic(), a.partition());
            switch (o.kind()) {
                case DONE -> {
                    metrics.indexed(a.family());
                    inFlight.finish(poll, tp);
                }
                case ALREADY_DONE -> {
                    metrics.duplicate(a.family());
                    inFlight.finish(poll, tp);
                }
                case RETRY -> {
                    if (poll.owns(tp)) {
                        retries.write(poll, a);
                        retry++;
                        lastReason = o.reason();
                    }
                }
                case REJECTED -> {
                    LOG.warn("Elasticsearch refused {} {}/{}: {}", a.where(), a.index(), a.id(), o.reason());
                    if (poll.owns(tp)) { // the dead letter's acknowledgement finishes this write's work
                        deadLetters.refused(poll, tp, a, o);
                    }
                }
            }
        }
        if (retry > 0) {
            retries.backOff(retry, lastReason);
        } else {
            retries.recoveredIfClear();
        }
    }

    /** When the backoff is over: submits the writes again (grouped by poll) and sends the dead letters again. */
    private void retryWhenDue() {
        Retries.Due due = retries.takeDue(System.nanoTime());
        if (due == null) {
            return;
        }
        due.writes().forEach((poll, actions) -> submit(new Submission(poll, actions)));
        writer.flush();
        due.deadLetters().forEach(deadLetters::resend);
        if (due.isEmpty()) {
            retries.recoveredIfClear(); // what waited belonged to partitions since revoked
        }
    }

    private void expireOverdue() {
        if (outstanding.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        for (Submission s : new ArrayList<>(outstanding)) {
            if (now - s.sentAtNanos() > ANSWER_TIMEOUT.toNanos()) {
                writer.expire(s, "no answer within " + ANSWER_TIMEOUT);
            }
        }
    }

    /**
     * Commits, per partition, what every write up to there was acknowledged for: asynchronously (the consumer thread
     * goes on; Kafka applies one member's commits in order), synchronously before partitions are revoked.
     */
    private void commitFinished(boolean sync) {
        Map<TopicPartition, Long> offsets = inFlight.committable(
                p -> metrics.batch(Duration.ofNanos(System.nanoTime() - p.startedNanos())));
        metrics.pollsInFlight(inFlight.size());
        if (offsets.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        offsets.forEach((tp, o) -> commit.put(tp, new OffsetAndMetadata(o)));
        if (sync) {
            commit(commit);
        } else {
            consumer.commitAsync(commit, (done, failure) -> {
                if (failure != null) {
                    // a later commit covers these offsets, or the new owner re-reads them: the writes are idempotent
                    LOG.info("commit not applied ({}); a later commit or the partition's next owner covers it",
                            failure.toString());
                }
            });
        }
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        try {
            consumer.commitSync(offsets);
        } catch (CommitFailedException | RebalanceInProgressException e) {
            // The partitions moved to another member, which reads from the last commit: the writes are idempotent.
            LOG.info("commit after a rebalance failed ({}); the new owner re-reads those records", e.getMessage());
        }
    }

    /**
     * After empty polls with nothing in flight, commits positions that moved without records (past transaction
     * markers), at most once a second, so the committed offsets (and the lag) reach the end of each partition.
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
                Long last = inFlight.committed(tp);
                if (last == null || position > last) {
                    moved.put(tp, new OffsetAndMetadata(position));
                }
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                // position unknown yet; next time
            }
        }
        if (!moved.isEmpty()) {
            commit(moved);
            moved.forEach((tp, o) -> inFlight.committedIdle(tp, o.offset()));
        }
    }

    /**
     * Before partitions go: commits what is finished of them, then forgets their work in flight (the writes still
     * complete, harmlessly; the new owner reads from the commit). Keeps new partitions paused while holding.
     */
    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (running) {
                handleAnswers();
                commitFinished(true);
            }
            inFlight.revoke(partitions);
            mapper.forgetResults();
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            inFlight.revoke(partitions);
            mapper.forgetResults();
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                LOG.info("{} partitions assigned", partitions.size());
            }
            if (holding) {
                consumer.pause(partitions);
            }
        }
    }

    /** Stops consuming (unfinished polls are not committed and will be read again), then closes everything. */
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
        deadLetters.close();
        admin.close(Duration.ofSeconds(5));
    }
}
