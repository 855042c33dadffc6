package org.warroom.contracts.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Kafka client settings shared by every service: bootstrap servers, plus everything in the optional
 * properties file {@code kafka.config.file} (security.protocol, sasl.*, ssl.* for a production cluster), plus
 * topic defaults for creating topics.
 */
public record KafkaSettings(String bootstrap, Map<String, String> clientProperties, int partitions,
                            short replicationFactor, int minInsyncReplicas) {

    public static final String DEFAULT_BOOTSTRAP = "127.0.0.1:9092";

    public KafkaSettings {
        clientProperties = Map.copyOf(clientProperties);
    }

    public static KafkaSettings from(Settings settings) {
        Map<String, String> client = new HashMap<>();
        settings.find("kafka.config.file").ifPresent(file -> client.putAll(Settings.readProperties(Path.of(file))));
        int rf = settings.getInt("topic.replication.factor", 1);
        if (rf < 1 || rf > Short.MAX_VALUE) {
            throw new ConfigException("topic.replication.factor", "must be at least 1, was " + rf);
        }
        return new KafkaSettings(
                settings.get("kafka.bootstrap", DEFAULT_BOOTSTRAP),
                client,
                settings.getInt("topic.partitions", 3),
                (short) rf,
                settings.getInt("topic.min.insync.replicas", 1));
    }

    /** Client configuration for any Kafka client: bootstrap plus the security properties. */
    public Map<String, Object> client() {
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.put("bootstrap.servers", bootstrap);
        return config;
    }
}
