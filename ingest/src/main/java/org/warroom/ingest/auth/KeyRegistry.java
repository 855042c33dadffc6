package org.warroom.ingest.auth;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warroom.contracts.access.ApiKeyGrant;
import org.warroom.contracts.config.KafkaSettings;
import org.warroom.contracts.topic.Topics;
import org.warroom.ingest.kafka.CompactedTopicView;

/**
 * The API key grants ingest knows: an in-memory view of the compacted topic {@code warroom.apikeys}, read from
 * the beginning by one consumer thread (no consumer group) and kept up to date as administrators add or revoke
 * keys. A tombstone removes a key.
 */
public final class KeyRegistry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KeyRegistry.class);

    private final Map<String, ApiKeyGrant> grants = new ConcurrentHashMap<>();
    private final CompactedTopicView<ApiKeyGrant> view;

    public KeyRegistry(KafkaSettings kafka) {
        view = new CompactedTopicView<>(kafka, Topics.API_KEYS, "warroom-ingest-keys", (keyId, grant) -> {
            if (grant == null) {
                grants.remove(keyId);
            } else {
                grants.put(grant.keyId(), grant);
            }
        });
    }

    /** Starts reading; the future completes once every grant that existed at start is known. */
    public CompletableFuture<Void> start() {
        return view.start().thenRun(() -> LOG.info("API key grants loaded: {}", grants.size()));
    }

    public Optional<ApiKeyGrant> grant(String keyId) {
        return Optional.ofNullable(grants.get(keyId));
    }

    /** Records a grant this process has just written, before it comes back from the topic. */
    public void remember(ApiKeyGrant grant) {
        grants.put(grant.keyId(), grant);
    }

    /** The grant of a presented key when the key is known, not revoked and its hash matches. */
    public Optional<ApiKeyGrant> authenticate(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty() || presentedKey.length() > 512) {
            return Optional.empty();
        }
        ApiKeyGrant grant = grants.get(ApiKeys.keyId(presentedKey));
        if (grant == null || grant.revokedAt() != null || !ApiKeys.matches(presentedKey, grant.sha256())) {
            return Optional.empty();
        }
        return Optional.of(grant);
    }

    @Override
    public void close() {
        view.close();
    }
}
