package org.warroom.contracts.topic;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
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

    /**
     * Creates every missing topic of {@code topics} and returns once all of them have a leader for every partition
     * (another service may be creating the same topics at the same moment: "exists" does not yet mean "usable";
     * a dashboard started alongside the others failed with "topic warroom.sessions does not exist" just after it had
     * been created). Returns the names it created.
     */
    public Set<String> ensure(Collection<Topic<?, ?>> topics) {
        try (Admin admin = Admin.create(kafka.client())) {
            Set<String> created = create(admin, topics);
            awaitLeaders(admin, topics.stream().map(Topic::name).collect(Collectors.toSet()));
            return created;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topics on " + kafka.bootstrap() + ": " + e.getMessage(), e);
        }
    }

    private Set<String> create(Admin admin, Collection<Topic<?, ?>> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
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
    }

    /** Polls (for up to 30 s) until every one of {@code names} is known with a leader for each partition. */
    private static void awaitLeaders(Admin admin, Set<String> names) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String missing = "";
        while (System.nanoTime() < deadline) {
            try {
                Map<String, TopicDescription> found = admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS);
                missing = found.values().stream()
                        .filter(d -> d.partitions().stream().anyMatch(p -> p.leader() == null))
                        .map(TopicDescription::name).sorted().collect(Collectors.joining(", "));
                if (missing.isEmpty()) {
                    return;
                }
            } catch (ExecutionException e) {
                missing = String.valueOf(e.getCause().getMessage()); // e.g. not yet known to this broker
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new TimeoutException("topics without a leader after 30 s: " + missing);
    }

    /** The topic as it is created: partitions, replication, compaction (segments closed after {@code topic.compacted.segment}) or the retention its kind asks for. */
    NewTopic newTopic(Topic<?, ?> topic) {
        Map<String, String> config = new HashMap<>();
        config.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(kafka.minInsyncReplicas()));
        if (topic.compacted()) {
            config.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
            config.put(TopicConfig.SEGMENT_MS_CONFIG, Long.toString(kafka.compactedSegment().toMillis()));
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
