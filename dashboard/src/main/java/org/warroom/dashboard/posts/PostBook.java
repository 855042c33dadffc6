package org.warroom.dashboard.posts;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.warroom.contracts.config.KafkaSettings;
import org.warroom.contracts.social.Network;
import org.warroom.contracts.social.PostLifecycle;
import org.warroom.contracts.social.PostRefused;
import org.warroom.contracts.social.PostResult;
import org.warroom.contracts.social.ProviderStatus;
import org.warroom.contracts.social.SocialPost;
import org.warroom.contracts.social.SocialTopics;
import org.warroom.vertxkafka.CompactedReader;
import org.warroom.vertxkafka.TopicWriter;

/**
 * The social-media posts, their publishing results and the notifier's providers, read from their topics from the
 * beginning at start and followed; and the one way posts are written: audited first, then stored, answered only
 * after Kafka acknowledged. One step at a time per post (a second one at once is stale: reload).
 */
public final class PostBook {
    private final Map<String, SocialPost> posts = new ConcurrentHashMap<>();
    private final Map<String, PostResult> results = new ConcurrentHashMap<>();
    private final Map<Network, ProviderStatus> providers = new ConcurrentHashMap<>();
    private final Set<String> storing = ConcurrentHashMap.newKeySet();
    private final PostLifecycle lifecycle;
    private final TopicWriter writer;
    private CompactedReader reader;

    public PostBook(TopicWriter writer, PostLifecycle lifecycle) {
        this.writer = writer;
        this.lifecycle = lifecycle;
    }

    public Future<Void> start(Vertx vertx, KafkaSettings kafka, String instance) {
        reader = new CompactedReader(vertx, kafka, "warroom-dashboard-posts-" + instance,
                List.of(SocialTopics.POSTS.name(), SocialTopics.RESULTS.name(), SocialTopics.PROVIDERS.name()),
                (topic, key, value, partition, offset) -> {
                    if (value == null) {
                        return;
                    }
                    if (SocialTopics.POSTS.name().equals(topic)) {
                        apply(SocialTopics.POSTS.valueSerde().deserializer().deserialize(topic, value));
                    } else if (SocialTopics.RESULTS.name().equals(topic)) {
                        PostResult r = SocialTopics.RESULTS.valueSerde().deserializer().deserialize(topic, value);
                        results.merge(r.postId(), r, (old, now) -> now.postVersion() < old.postVersion()
                                || (old.outcome().isFinal() && !now.outcome().isFinal()) ? old : now);
                    } else {
                        ProviderStatus p = SocialTopics.PROVIDERS.valueSerde().deserializer().deserialize(topic, value);
                        providers.put(p.network(), p);
                    }
                });
        return reader.start();
    }

    private void apply(SocialPost p) {
        posts.merge(p.id(), p, (old, now) -> now.version() >= old.version() ? now : old);
    }

    public Optional<SocialPost> post(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(posts.get(id));
    }

    public Collection<SocialPost> posts() {
        return posts.values();
    }

    public Optional<PostResult> result(String id) {
        return Optional.ofNullable(results.get(id));
    }

    /** Whether the notifier said it has a provider for the network. */
    public boolean configured(Network network) {
        ProviderStatus p = providers.get(network);
        return p != null && p.configured();
    }

    public static String newId() {
        return "P-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(java.util.Locale.ROOT);
    }

    /** Stores new drafts (audited each). */
    public Future<List<SocialPost>> draft(List<SocialPost> drafts, Function<SocialPost, Future<?>> audit) {
        List<Future<SocialPost>> stored = new ArrayList<>();
        for (SocialPost p : drafts) {
            stored.add(audit.apply(p).compose(v -> store(p)));
        }
        return Future.all(stored).map(all -> stored.stream().map(Future::result).toList());
    }

    public Future<SocialPost> edit(SocialPost current, long version, String text, String by, Instant at,
                                   Function<SocialPost, Future<?>> audit) {
        return step(current, latest -> lifecycle.edit(latest, version, text, by, at), audit);
    }

    public Future<SocialPost> approve(SocialPost current, long version, String by, Instant at,
                                      Function<SocialPost, Future<?>> audit) {
        return step(current, latest -> lifecycle.approve(latest, version, configured(latest.network()), by, at),
                audit);
    }

    private Future<SocialPost> step(SocialPost current, Function<SocialPost, SocialPost> change,
                                    Function<SocialPost, Future<?>> audit) {
        if (!storing.add(current.id())) {
            return Future.failedFuture(new PostRefused(PostRefused.Reason.STALE, "version", "another change to post "
                    + current.id() + " is being stored; reload it", current));
        }
        Future<SocialPost> stored;
        try {
            SocialPost next = change.apply(posts.getOrDefault(current.id(), current));
            stored = audit.apply(next).compose(v -> store(next));
        } catch (PostRefused e) {
            stored = Future.failedFuture(e);
        }
        return stored.onComplete(ar -> storing.remove(current.id()));
    }

    private Future<SocialPost> store(SocialPost p) {
        return writer.write(SocialTopics.POSTS, p.id(), p).map(meta -> {
            apply(p);
            return p;
        });
    }

    public Future<Void> close() {
        return reader == null ? Future.succeededFuture() : reader.close();
    }
}
