package org.warroom.dashboard.admin;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.warroom.contracts.access.ApiKeyGrant;
import org.warroom.contracts.config.KafkaSettings;
import org.warroom.contracts.topic.Topics;
import org.warroom.vertxkafka.CompactedReader;
import org.warroom.vertxkafka.TopicWriter;

/** The ingest key grants (hashes only): a view of the compacted topic {@code warroom.apikeys}, and writing grants. */
public final class KeyDirectory {
    private final Map<String, ApiKeyGrant> grants = new ConcurrentHashMap<>();
    private final TopicWriter writer;
    private CompactedReader reader;

    public KeyDirectory(TopicWriter writer) {
        this.writer = writer;
    }

    public Future<Void> start(Vertx vertx, KafkaSettings kafka, String instance) {
        reader = new CompactedReader(vertx, kafka, "warroom-dashboard-keys-" + instance,
                List.of(Topics.API_KEYS.name()), (topic, key, value, partition, offset) -> {
                    ApiKeyGrant grant = value == null ? null
                            : Topics.API_KEYS.valueSerde().deserializer().deserialize(topic, value);
                    if (grant == null) {
                        grants.remove(key);
                    } else {
                        grants.put(grant.keyId(), grant);
                    }
                });
        return reader.start();
    }

    public Optional<ApiKeyGrant> find(String keyId) {
        return Optional.ofNullable(grants.get(keyId));
    }

    public List<ApiKeyGrant> all() {
        return grants.values().stream().sorted(Comparator.comparing(ApiKeyGrant::createdAt,
                Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(ApiKeyGrant::keyId)).toList();
    }

    public Future<ApiKeyGrant> save(ApiKeyGrant grant) {
        return writer.write(Topics.API_KEYS, grant.keyId(), grant).map(meta -> {
            grants.put(grant.keyId(), grant);
            return grant;
        });
    }

    public Future<Void> close() {
        return reader == null ? Future.succeededFuture() : reader.close();
    }
}
