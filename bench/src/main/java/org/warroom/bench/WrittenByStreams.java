package org.warroom.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.contracts.topic.Topic;

/**
 * Records written by streams per input record: the end offsets of streams' changelogs, repartitions and result topics
 * (and of the inputs) before and after a run. Exactly-once writes a commit marker into every partition a transaction
 * wrote, and a marker takes an offset: the figures include them (they are written, too).
 */
final class WrittenByStreams {
    private static final String APPLICATION = "warroom-streams-";

    private final Admin admin;
    private final Set<String> inputs;
    private final Map<String, Long> before;

    WrittenByStreams(Admin admin, Set<String> inputs) throws Exception {
        this.admin = admin;
        this.inputs = inputs;
        this.before = byKind();
    }

    /** Offsets gained per kind (input, changelogs, repartitions, results) since construction. */
    Map<String, Long> gained() throws Exception {
        Map<String, Long> after = byKind();
        Map<String, Long> gained = new TreeMap<>();
        after.forEach((kind, n) -> gained.put(kind, n - before.getOrDefault(kind, 0L)));
        return gained;
    }

    /** "changelogs 1.0, repartitions 0.1, results 0.0, all 1.1 per input record (n input)". */
    String describe() throws Exception {
        Map<String, Long> g = gained();
        long input = Math.max(1, g.getOrDefault("input", 0L));
        long written = g.getOrDefault("changelogs", 0L) + g.getOrDefault("repartitions", 0L) + g.getOrDefault("results", 0L);
        return String.format("changelogs %.2f, repartitions %.2f, results %.2f, all %.2f per input record (%,d input records)",
                g.getOrDefault("changelogs", 0L) / (double) input, g.getOrDefault("repartitions", 0L) / (double) input,
                g.getOrDefault("results", 0L) / (double) input, written / (double) input, input);
    }

    private String kind(String topic) {
        if (inputs.contains(topic)) {
            return "input";
        }
        if (topic.startsWith(APPLICATION) && topic.endsWith("-changelog")) {
            return "changelogs";
        }
        if (topic.startsWith(APPLICATION) && topic.endsWith("-repartition")) {
            return "repartitions";
        }
        return ResultTopics.all().stream().map(Topic::name).anyMatch(topic::equals) ? "results" : null;
    }

    private Map<String, Long> byKind() throws Exception {
        Predicate<String> counted = t -> kind(t) != null;
        List<String> topics = admin.listTopics().names().get().stream().filter(counted).toList();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((topic, d) ->
                d.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
        Map<String, Long> sums = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((tp, info) -> sums.merge(kind(tp.topic()), info.offset(), Long::sum));
        return sums;
    }
}
