package org.warroom.dashboard.security;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warroom.contracts.config.KafkaSettings;
import org.warroom.vertxkafka.CompactedReader;
import org.warroom.vertxkafka.TopicWriter;

/**
 * The {@link SessionStore.Ledger} of a replicated dashboard: sessions written to the compacted topic
 * {@code warroom.sessions} (keyed by the token's SHA-256, without the token) and read back by every instance, so
 * that any instance behind the proxy knows every signed-in user, and a logout, a disabled user or an expiry on one
 * ends the session on all.
 */
public final class SharedSessions implements SessionStore.Ledger {
    private static final Logger LOG = LoggerFactory.getLogger(SharedSessions.class);

    private final TopicWriter writer;
    private final SessionStore store;
    private CompactedReader reader;

    public SharedSessions(TopicWriter writer, SessionStore store) {
        this.writer = writer;
        this.store = store;
    }

    /** Loads the sessions that are still recorded, then shares the store's from now on. Call on a verticle's context. */
    public Future<Void> start(Vertx vertx, KafkaSettings kafka, String instance) {
        reader = new CompactedReader(vertx, kafka, "warroom-dashboard-sessions-" + instance,
                List.of(SessionTopics.SESSIONS.name()), (topic, key, value, partition, offset) -> store.apply(key,
                        value == null ? null : SessionTopics.SESSIONS.valueSerde().deserializer().deserialize(topic, value)));
        return reader.start().onSuccess(v -> {
            store.shareWith(this);
            store.purge();
        });
    }

    @Override
    public Future<Void> saved(String id, Session session) {
        return writer.write(SessionTopics.SESSIONS, id, session)
                .onFailure(e -> LOG.warn("could not share a session of {}: {}", session.username(), e.toString()))
                .mapEmpty();
    }

    @Override
    public void ended(String id) {
        writer.write(SessionTopics.SESSIONS, id, null)
                .onFailure(e -> LOG.warn("could not share the end of a session: {}", e.toString()));
    }

    public Future<Void> close() {
        return reader == null ? Future.succeededFuture() : reader.close();
    }
}
