package org.warroom.contracts.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Kafka client settings shared by every service: bootstrap servers, plus everything in the optional
 * properties file {@code kafka.config.file} (security.protocol, sasl.*, ssl.* for a production cluster), plus
 * topic defaults for creating topics, among them {@code personal.data.retention} (default 90d): how long the
 * non-compacted topics holding personal data ({@code Topics.personalData()}) keep records ({@code retention.ms}),
 * and {@code audit.retention} (default 365d): how long the audit log topic keeps them, and
 * {@code topic.compacted.segment} (default 10m): how long a segment of a compacted topic stays open. Kafka compacts
 * only closed segments; with its default (7 days or 1 GB) a result topic keeps every update of the week, and every
 * reader that starts from the beginning (the dashboard's live state, at each start) reads them all.
 */
public record KafkaSettings(String bootstrap, Map<String, String> clientProperties, int partitions,
                            short replicationFactor, int minInsyncReplicas, java.time.Duration personalDataRetention,
                            java.time.Duration auditRetention, java.time.Duration compactedSegment) {

    public static final String DEFAULT_BOOTSTRAP = "127.0.0.1:9092";
    public static final java.time.Duration DEFAULT_PERSONAL_DATA_RETENTION = java.time.Duration.ofDays(90);
    public static final java.time.Duration DEFAULT_AUDIT_RETENTION = java.time.Duration.ofDays(365);
    public static final java.time.Duration DEFAULT_COMPACTED_SEGMENT = java.time.Duration.ofMinutes(10);

    public KafkaSettings {
        clientProperties = Map.copyOf(clientProperties);
        if (personalDataRetention.toHours() < 1) {
            throw new ConfigException("personal.data.retention", "must be at least 1h, was " + personalDataRetention);
        }
        if (auditRetention.toDays() < 1) {
            throw new ConfigException("audit.retention", "must be at least 1d, was " + auditRetention);
        }
        if (compactedSegment.toMinutes() < 1) {
            throw new ConfigException("topic.compacted.segment", "must be at least 1m, was " + compactedSegment);
        }
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
                settings.getInt("topic.min.insync.replicas", 1),
                settings.getDuration("personal.data.retention", DEFAULT_PERSONAL_DATA_RETENTION),
                settings.getDuration("audit.retention", DEFAULT_AUDIT_RETENTION),
                settings.getDuration("topic.compacted.segment", DEFAULT_COMPACTED_SEGMENT));
    }

    /** Client configuration for any Kafka client: bootstrap plus the security properties. */
    public Map<String, Object> client() {
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.put("bootstrap.servers", bootstrap);
        return config;
    }
}
