package org.warroom.ingest.auth;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warroom.contracts.access.ApiKeyGrant;
import org.warroom.contracts.config.KafkaSettings;
import org.warroom.contracts.topic.Topics;

/**
 * The API key grants ingest knows: an in-memory view of the compacted topic {@code warroom.apikeys}, read from
 * the beginning by one consumer thread (no consumer group) and kept up to date as administrators add or revoke
 * keys. A tombstone removes a key.
 */
public final class KeyRegistry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KeyRegistry.class);

    private final Map<String, ApiKeyGrant> grants = new ConcurrentHashMap<>();
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private final CompletableFuture<Void> caughtUp = new CompletableFuture<>();
    private volatile boolean running = true;

    public KeyRegistry(KafkaSettings kafka) {
        Map<String, Object> config = new HashMap<>(kafka.client());
        config.put("enable.auto.commit", "false");
        config.put("auto.offset.reset", "earliest");
        config.put("client.id", "warroom-ingest-keys");
        consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        thread = new Thread(this::run, "warroom-ingest-keys");
        thread.setDaemon(true);
    }

    /** Starts reading; the future completes once every grant that existed at start is known. */
    public CompletableFuture<Void> start() {
        thread.start();
        return caughtUp;
    }

    public Optional<ApiKeyGrant> grant(String keyId) {
        return Optional.ofNullable(grants.get(keyId));
    }

    /** Records a grant this process has just written, before it comes back from the topic. */
    public void remember(ApiKeyGrant grant) {
        grants.put(grant.keyId(), grant);
    }

    /** The grant of a presented key when the key is known, not revoked and its hash matches. */
    public Optional<ApiKeyGrant> authenticate(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty() || presentedKey.length() > 512) {
            return Optional.empty();
        }
        ApiKeyGrant grant = grants.get(ApiKeys.keyId(presentedKey));
        if (grant == null || grant.revokedAt() != null || !ApiKeys.matches(presentedKey, grant.sha256())) {
            return Optional.empty();
        }
        return Optional.of(grant);
    }

    private void run() {
        var serde = Topics.API_KEYS.valueSerde();
        try {
            List<TopicPartition> partitions = awaitPartitions();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            while (running) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    String keyId = r.key() == null ? null : new String(r.key(), java.nio.charset.StandardCharsets.UTF_8);
                    try {
                        ApiKeyGrant grant = serde.deserializer().deserialize(r.topic(), r.value());
                        if (grant == null) {
                            if (keyId != null) {
                                grants.remove(keyId);
                            }
                        } else {
                            grants.put(grant.keyId(), grant);
                        }
                    } catch (RuntimeException e) {
                        LOG.warn("ignoring unreadable API key grant at {}-{} offset {}: {}", r.topic(), r.partition(),
                                r.offset(), e.getMessage());
                    }
                }
                if (!caughtUp.isDone() && end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                    LOG.info("API key grants loaded: {}", grants.size());
                    caughtUp.complete(null);
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("API key reader stopped: {}", e.toString());
            caughtUp.completeExceptionally(e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private List<TopicPartition> awaitPartitions() {
        while (running) {
            var infos = consumer.partitionsFor(Topics.API_KEYS.name(), Duration.ofSeconds(10));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            }
        }
        throw new WakeupException();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
