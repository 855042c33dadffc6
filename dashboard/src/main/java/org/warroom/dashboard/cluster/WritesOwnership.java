package org.warroom.dashboard.cluster;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warroom.contracts.config.KafkaSettings;

/**
 * Which dashboard instance owns the work that must happen on exactly one of them (docs/RELIABILITY.md, cluster):
 * API writes — complaint numbers and actions, campaign hand-outs and outcomes, users, keys, routing, the bulletin
 * switch — and the scheduled situation report. Every instance is a member of one Kafka consumer group
 * ({@code dashboard.writes.owner.group}) on the one-partition topic {@value #TOPIC}; the member the group assigns
 * that partition to owns the writes, and Kafka assigns a partition to one member of a group at a time. A killed
 * owner's session ends after {@code dashboard.writes.owner.session} (default 6 s), then the other instance is
 * assigned the partition and owns the writes. Nothing is ever written to the topic: only its assignment counts.
 *
 * <p>Without a group configured (a single instance) the instance always owns the writes: {@link #single()}.
 */
public final class WritesOwnership implements AutoCloseable {
    /** The topic whose one partition is owned. */
    public static final String TOPIC = "warroom.dashboard.owner";
    private static final Logger LOG = LoggerFactory.getLogger(WritesOwnership.class);
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

    private final AtomicBoolean owns;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private volatile Consumer<Boolean> onChange = owning -> { };

    private WritesOwnership(boolean owns, KafkaConsumer<byte[], byte[]> consumer, String instance) {
        this.owns = new AtomicBoolean(owns);
        this.consumer = consumer;
        this.thread = consumer == null ? null : new Thread(this::run, "writes-ownership-" + instance);
    }

    /** One instance alone: it always owns the writes. */
    public static WritesOwnership single() {
        return new WritesOwnership(true, null, "single");
    }

    /**
     * A member of {@code group}: creates the topic when missing (blocking; call off the event loop), then competes
     * for its partition on a thread of its own until {@link #close()}.
     */
    public static WritesOwnership member(KafkaSettings kafka, String group, String instance, Duration session) {
        ensureTopic(kafka);
        Map<String, Object> config = kafka.client();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, group + "-" + instance);
        config.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) session.toMillis());
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) Math.max(500, session.toMillis() / 4));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Sticky: an instance that joins (a restarted one) does not take the writes from the owner.
        config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        WritesOwnership ownership = new WritesOwnership(false,
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer()), instance);
        ownership.thread.setDaemon(true);
        ownership.thread.start();
        return ownership;
    }

    /** Whether this instance owns the writes now. */
    public boolean owns() {
        return owns.get();
    }

    /** Called (on the ownership thread) with true when this instance gains the writes, false when it loses them. */
    public void onChange(Consumer<Boolean> listener) {
        this.onChange = listener;
    }

    private void run() {
        consumer.subscribe(List.of(TOPIC), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                if (partitions.contains(PARTITION)) {
                    set(true);
                }
            }

            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                if (partitions.contains(PARTITION)) {
                    set(false);
                }
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                if (partitions.contains(PARTITION)) {
                    set(false);
                }
            }
        });
        try {
            while (running.get()) {
                consumer.poll(Duration.ofMillis(500));
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("the writes ownership stopped: this instance no longer owns the writes", e);
        } finally {
            set(false);
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    private void set(boolean now) {
        if (owns.getAndSet(now) != now) {
            LOG.info(now ? "this instance now owns the dashboard's writes" : "this instance no longer owns the dashboard's writes");
            onChange.accept(now);
        }
    }

    private static void ensureTopic(KafkaSettings kafka) {
        try (Admin admin = Admin.create(kafka.client())) {
            admin.createTopics(List.of(new NewTopic(TOPIC, Optional.of(1), Optional.of(kafka.replicationFactor()))))
                    .all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create " + TOPIC + ": " + e.getCause(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + TOPIC, e);
        }
    }

    /** Leaves the group at once (the other instance takes the writes without waiting out a session). */
    @Override
    public void close() {
        if (consumer == null || !running.getAndSet(false)) {
            return;
        }
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
