package org.warroom.dashboard.notify.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.warroom.contracts.config.KafkaSettings;
import org.warroom.contracts.notify.Delivery;
import org.warroom.contracts.notify.NotifyTopics;
import org.warroom.contracts.notify.Subscription;
import org.warroom.vertxkafka.CompactedReader;

/**
 * The dashboard's view of alert delivery, read from Kafka: subscriptions by user ({@code warroom.subscriptions},
 * a tombstone removes one), every delivery attempt by alert ({@code warroom.deliveries}) and the ids of used
 * acknowledgement tokens ({@code warroom.token-uses}). Knows nothing of HTTP; the routes above it write to Kafka and
 * then record here what they wrote, so an answer shows it before the topic is read back.
 */
public final class NotifyStore {
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, List<Delivery>> deliveries = new ConcurrentHashMap<>();
    private final Set<String> usedTokens = ConcurrentHashMap.newKeySet();
    private final List<CompactedReader> readers = new ArrayList<>();
    private volatile boolean loaded;

    /**
     * Starts reading the three topics (which must exist); the future completes once they are read to their ends,
     * and {@link #loaded()} is true from then on.
     */
    public Future<Void> start(Vertx vertx, KafkaSettings kafka) {
        String instance = UUID.randomUUID().toString().substring(0, 8);
        CompactedReader subs = new CompactedReader(vertx, kafka,
                "warroom-dashboard-subscriptions-" + instance, List.of(NotifyTopics.SUBSCRIPTIONS.name()),
                (topic, key, value, p, o) -> {
                    Subscription s = NotifyTopics.SUBSCRIPTIONS.valueSerde().deserializer().deserialize(topic, value);
                    if (s == null) {
                        subscriptions.remove(key);
                    } else {
                        subscriptions.put(key, s);
                    }
                });
        CompactedReader log = new CompactedReader(vertx, kafka,
                "warroom-dashboard-deliveries-" + instance, List.of(NotifyTopics.DELIVERIES.name()),
                (topic, key, value, p, o) -> {
                    if (value != null) {
                        Delivery d = NotifyTopics.DELIVERIES.valueSerde().deserializer().deserialize(topic, value);
                        deliveries.computeIfAbsent(d.alertId(), k -> Collections.synchronizedList(new ArrayList<>()))
                                .add(d);
                    }
                });
        CompactedReader used = new CompactedReader(vertx, kafka,
                "warroom-dashboard-token-uses-" + instance, List.of(NotifyTopics.TOKEN_USES.name()),
                (topic, key, value, p, o) -> {
                    if (value != null) {
                        usedTokens.add(key);
                    }
                });
        readers.addAll(List.of(subs, log, used));
        return Future.all(subs.start(), log.start(), used.start()).onSuccess(v -> loaded = true).mapEmpty();
    }

    /** Whether the topics have been read to their ends at least once. */
    public boolean loaded() {
        return loaded;
    }

    public Collection<Subscription> subscriptions() {
        return subscriptions.values();
    }

    public Optional<Subscription> subscription(String user) {
        return Optional.ofNullable(subscriptions.get(user));
    }

    /** Records a subscription written to Kafka. */
    public void saved(String user, Subscription subscription) {
        subscriptions.put(user, subscription);
    }

    /** Records a subscription's tombstone written to Kafka. */
    public void removed(String user) {
        subscriptions.remove(user);
    }

    /** Every delivery attempt of the alert, in the order read. */
    public List<Delivery> deliveries(String alertId) {
        List<Delivery> log = deliveries.getOrDefault(alertId, List.of());
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    public boolean tokenUsed(String tokenId) {
        return usedTokens.contains(tokenId);
    }

    /** Marks a token used (before its use is written, so a second click meanwhile is refused). */
    public void useToken(String tokenId) {
        usedTokens.add(tokenId);
    }

    /** Forgets a token's use whose writing failed, so the link can be tried again. */
    public void releaseToken(String tokenId) {
        usedTokens.remove(tokenId);
    }

    public Future<Void> close() {
        return Future.join(readers.stream().map(CompactedReader::close).toList()).mapEmpty();
    }
}
