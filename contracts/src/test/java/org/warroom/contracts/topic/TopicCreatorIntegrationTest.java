package org.warroom.contracts.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealKafka;

/** Services started side by side create the same topics at the same moment; each must find them usable at once. */
@ExtendWith(RealKafka.class)
class TopicCreatorIntegrationTest {

    @Test
    void shouldReturnOnlyOnceEveryTopicHasLeadersEvenWhileOthersCreateThem(LocalKafka kafka) throws Exception {
        String run = "creator-" + System.nanoTime();
        List<Topic<?, ?>> topics = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            topics.add(new Topic<>(run + "-" + i, Serdes.String(), Serdes.String(), i % 2 == 0));
        }
        ExecutorService services = Executors.newFixedThreadPool(4);
        try {
            List<Future<Map<String, Integer>>> seen = new ArrayList<>();
            for (int s = 0; s < 4; s++) {
                seen.add(services.submit(() -> {
                    new TopicCreator(kafka.kafkaSettings()).ensure(topics);
                    return partitionsSeenByAFreshConsumer(kafka, topics);
                }));
            }
            for (Future<Map<String, Integer>> each : seen) {
                assertThat(each.get()).as("partitions with a leader, right after ensure() returned")
                        .hasSize(topics.size()).allSatisfy((topic, partitions) -> assertThat(partitions).isEqualTo(3));
            }
        } finally {
            services.shutdownNow();
        }
    }

    private static Map<String, Integer> partitionsSeenByAFreshConsumer(LocalKafka kafka, List<Topic<?, ?>> topics) {
        Map<String, Object> config = kafka.kafkaSettings().client();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            Map<String, Integer> found = new HashMap<>();
            for (Topic<?, ?> t : topics) {
                List<PartitionInfo> partitions = consumer.partitionsFor(t.name());
                found.put(t.name(), (int) partitions.stream().filter(p -> p.leader() != null).count());
            }
            return found;
        }
    }
}
