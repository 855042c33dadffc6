package org.warroom.testkit;

import java.util.Collection;
import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.warroom.contracts.config.KafkaSettings;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.topic.Topic;
import org.warroom.contracts.topic.TopicCreator;

/**
 * A real single-node KRaft Kafka cluster (broker and controller in one node) inside the test JVM, on free ports.
 * Starts in about two seconds. Use it through {@link RealKafka}, or start one of your own for tests that stop
 * the broker.
 */
public final class LocalKafka implements AutoCloseable {
    private final KafkaClusterTestKit cluster;

    private LocalKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    public static LocalKafka start() {
        try {
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "false")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new LocalKafka(cluster);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the local Kafka cluster", e);
        }
    }

    public String bootstrap() {
        return cluster.bootstrapServers();
    }

    /** Settings (as the services read them) pointing at this broker. */
    public Settings settings() {
        return Settings.ofKeys(Map.of("kafka.bootstrap", bootstrap(), "topic.partitions", "3"));
    }

    public KafkaSettings kafkaSettings() {
        return KafkaSettings.from(settings());
    }

    /** Creates the given topics if missing. */
    public void ensure(Collection<Topic<?, ?>> topics) {
        new TopicCreator(kafkaSettings()).ensure(topics);
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the local Kafka cluster", e);
        }
    }
}
