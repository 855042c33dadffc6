package org.warroom.contracts.topic;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warroom.contracts.config.KafkaSettings;

/** Creates the topics that do not exist yet, with the configured partitions and replication; idempotent. */
public final class TopicCreator {
    private static final Logger LOG = LoggerFactory.getLogger(TopicCreator.class);

    private final KafkaSettings kafka;

    public TopicCreator(KafkaSettings kafka) {
        this.kafka = kafka;
    }

    /** Creates every missing topic of {@code topics}; returns the names it created. */
    public Set<String> ensure(Collection<Topic<?, ?>> topics) {
        try (Admin admin = Admin.create(kafka.client())) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(t -> !existing.contains(t.name()))
                    .map(this::newTopic)
                    .toList();
            if (missing.isEmpty()) {
                return Set.of();
            }
            for (var entry : admin.createTopics(missing).values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            Set<String> created = Set.copyOf(missing.stream().map(NewTopic::name).toList());
            LOG.info("created topics {}", created);
            return created;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topics on " + kafka.bootstrap() + ": " + e.getMessage(), e);
        }
    }

    /** The topic as it is created: partitions, replication, compaction or the retention its kind asks for. */
    NewTopic newTopic(Topic<?, ?> topic) {
        Map<String, String> config = new HashMap<>();
        config.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(kafka.minInsyncReplicas()));
        if (topic.compacted()) {
            config.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        } else {
            switch (topic.retention()) {
                case PERSONAL_DATA -> config.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(kafka.personalDataRetention().toMillis()));
                case AUDIT -> config.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(kafka.auditRetention().toMillis()));
                case BROKER_DEFAULT -> { }
            }
        }
        return new NewTopic(topic.name(), kafka.partitions(), kafka.replicationFactor()).configs(config);
    }
}
