package org.warroom.tools.faults;

import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * The consumer lag of every consumer group on the broker (streams, indexer, notifier, ...): per group, the sum over
 * its committed partitions of (latest committed offset − committed offset). Read-committed end offsets, so
 * transaction markers do not count as lag.
 */
public final class ConsumerLag {
    private ConsumerLag() {
    }

    public static Map<String, Long> perGroup(Properties kafka) throws Exception {
        Map<String, Long> lag = new TreeMap<>();
        try (Admin admin = Admin.create(kafka)) {
            for (ConsumerGroupListing g : admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS)) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin
                        .listConsumerGroupOffsets(g.groupId()).partitionsToOffsetAndMetadata()
                        .get(30, TimeUnit.SECONDS);
                if (committed.isEmpty()) {
                    continue;
                }
                Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                        .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = admin
                        .listOffsets(latest, new org.apache.kafka.clients.admin.ListOffsetsOptions(
                                IsolationLevel.READ_COMMITTED)).all().get(30, TimeUnit.SECONDS);
                long sum = 0;
                for (Map.Entry<TopicPartition, OffsetAndMetadata> c : committed.entrySet()) {
                    if (c.getValue() != null && end.containsKey(c.getKey())) {
                        sum += Math.max(0, end.get(c.getKey()).offset() - c.getValue().offset());
                    }
                }
                lag.put(g.groupId(), sum);
            }
        }
        return lag;
    }
}
