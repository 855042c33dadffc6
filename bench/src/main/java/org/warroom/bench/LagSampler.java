package org.warroom.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumer lag of every consumer group on the broker (streams, indexer, notifier, ...): per group, the sum over its
 * partitions of the last stable offset minus the committed offset. Transactional markers count as one offset each,
 * so a caught-up exactly-once reader shows a lag of a few, not zero.
 */
final class LagSampler implements AutoCloseable {
    private final Admin admin;

    LagSampler(String bootstrap) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "warroom-bench-lag");
        this.admin = Admin.create(p);
    }

    /** Lag per group (groups with no committed offsets yet are left out). */
    Map<String, Long> sample() {
        return sample(t -> true);
    }

    /** Lag per group on the topics {@code topics} accepts. */
    Map<String, Long> sample(java.util.function.Predicate<String> topics) {
        try {
            Collection<GroupListing> groups = admin.listGroups().all().get(10, TimeUnit.SECONDS);
            Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new TreeMap<>();
            Set<TopicPartition> partitions = new HashSet<>();
            for (GroupListing g : groups) {
                Map<TopicPartition, OffsetAndMetadata> offsets =
                        admin.listConsumerGroupOffsets(g.groupId()).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                offsets.values().removeIf(java.util.Objects::isNull);
                offsets.keySet().removeIf(tp -> !topics.test(tp.topic()));
                if (!offsets.isEmpty()) {
                    committed.put(g.groupId(), offsets);
                    partitions.addAll(offsets.keySet());
                }
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            var ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(10, TimeUnit.SECONDS);
            Map<String, Long> lag = new TreeMap<>();
            committed.forEach((group, offsets) -> lag.put(group, offsets.entrySet().stream()
                    .mapToLong(e -> Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset())).sum()));
            return lag;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        } catch (Exception e) {
            return Map.of();
        }
    }

    /** Groups whose name says they are the pipeline's stages (streams application, indexer). */
    static long stages(Map<String, Long> lag) {
        return lag.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    Admin admin() {
        return admin;
    }

    @Override
    public void close() {
        admin.close();
    }
}
