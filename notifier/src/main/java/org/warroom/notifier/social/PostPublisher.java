package org.warroom.notifier.social;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warroom.contracts.audit.AuditEvent;
import org.warroom.contracts.audit.AuditTopics;
import org.warroom.contracts.config.KafkaSettings;
import org.warroom.contracts.social.Network;
import org.warroom.contracts.social.PostOutcome;
import org.warroom.contracts.social.PostResult;
import org.warroom.contracts.social.PostState;
import org.warroom.contracts.social.ProviderStatus;
import org.warroom.contracts.social.SocialPost;
import org.warroom.contracts.social.SocialTopics;
import org.warroom.vertxkafka.CompactedReader;
import org.warroom.vertxkafka.TopicWriter;

/**
 * Publishes the approved posts of {@code warroom.social-posts} through the configured providers, each at most once:
 * <ol>
 *   <li>at start it says which providers it has ({@code warroom.social-providers}) and reads every result so far
 *       ({@code warroom.social-post-results});</li>
 *   <li>posts are consumed in the group {@code notify.group}{@code -posts}, one at a time, the offset committed once
 *       the result is recorded; a post whose version already has a final result is skipped;</li>
 *   <li>before the provider is asked, a {@code publishing} result is recorded; finding one after a restart means a
 *       request may have gone out: Mastodon is asked again with the same {@code Idempotency-Key} (it answers with the
 *       status it already made), X (no such key) is not — the result is {@code unknown}, a person checks;</li>
 *   <li>an unclear answer is retried with backoff ({@code notify.retry.*}) only when that cannot post twice;</li>
 *   <li>the result — posted (the provider's id and URL), refused (its status and answer) or unknown — is recorded
 *       and audited ({@code post.publish}, actor {@code notifier}).</li>
 * </ol>
 * Tokens never reach a log or a record.
 */
public final class PostPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(PostPublisher.class);

    private final Vertx vertx;
    private final KafkaSettings kafka;
    private final String group;
    private final TopicWriter writer;
    private final SocialConfig config;
    private final Map<Network, SocialProvider> providers = new HashMap<>();
    private final int attempts;
    private final Duration backoff;
    private final Duration backoffMax;
    private final Clock clock;
    private final Map<String, PostResult> results = new ConcurrentHashMap<>();
    private CompactedReader reader;
    private KafkaConsumer<byte[], byte[]> consumer;

    public PostPublisher(Vertx vertx, KafkaSettings kafka, String group, TopicWriter writer, SocialConfig config,
                         List<SocialProvider> providers, int attempts, Duration backoff, Duration backoffMax,
                         Clock clock) {
        this.vertx = vertx;
        this.kafka = kafka;
        this.group = group;
        this.writer = writer;
        this.config = config;
        providers.forEach(p -> this.providers.put(p.network(), p));
        this.attempts = attempts;
        this.backoff = backoff;
        this.backoffMax = backoffMax;
        this.clock = clock;
    }

    public Future<Void> start(String instance) {
        List<Future<?>> announced = new ArrayList<>();
        for (Network n : Network.values()) {
            announced.add(writer.write(SocialTopics.PROVIDERS, n.wire(), new ProviderStatus(n,
                    providers.containsKey(n), config.base(n).map(Object::toString).orElse(null), clock.instant())));
        }
        reader = new CompactedReader(vertx, kafka, "warroom-notifier-post-results-" + instance,
                List.of(SocialTopics.RESULTS.name()), (topic, key, value, p, o) -> {
                    if (value != null) {
                        PostResult r = SocialTopics.RESULTS.valueSerde().deserializer().deserialize(topic, value);
                        results.merge(r.postId(), r, (old, now) -> newer(old, now));
                    }
                });
        return Future.all(announced).compose(v -> reader.start()).compose(v -> {
            Map<String, String> props = new HashMap<>();
            kafka.client().forEach((k, val) -> props.put(k, String.valueOf(val)));
            props.put("group.id", group + "-posts");
            props.put("client.id", "warroom-notifier-posts-" + instance);
            props.put("enable.auto.commit", "false");
            props.put("auto.offset.reset", "earliest");
            props.put("max.poll.records", "1");
            consumer = KafkaConsumer.create(vertx, props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            consumer.exceptionHandler(e -> LOG.warn("posts consumer: {}", e.toString()));
            consumer.handler(this::handle);
            return consumer.subscribe(Set.of(SocialTopics.POSTS.name()));
        });
    }

    private static PostResult newer(PostResult old, PostResult now) {
        if (now.postVersion() != old.postVersion()) {
            return now.postVersion() > old.postVersion() ? now : old;
        }
        return old.outcome().isFinal() && !now.outcome().isFinal() ? old : now;
    }

    /** The result recorded for a post, if any (tests). */
    public Optional<PostResult> result(String postId) {
        return Optional.ofNullable(results.get(postId));
    }

    private void handle(KafkaConsumerRecord<byte[], byte[]> record) {
        SocialPost post = read(record);
        if (post == null || post.state() != PostState.APPROVED) {
            consumer.commit();
            return;
        }
        PostResult prior = results.get(post.id());
        if (prior != null && prior.postVersion() == post.version() && prior.outcome().isFinal()) {
            consumer.commit();
            return;
        }
        consumer.pause();
        publish(post, prior).onComplete(done -> {
            if (done.failed()) {
                LOG.error("post {}: the result could not be recorded: {}", post.id(), done.cause().toString());
            }
            consumer.commit().onComplete(c -> consumer.resume());
        });
    }

    private static SocialPost read(KafkaConsumerRecord<byte[], byte[]> record) {
        try {
            return record.value() == null ? null
                    : SocialTopics.POSTS.valueSerde().deserializer().deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            LOG.warn("unreadable post at {}-{} offset {}: {}", record.topic(), record.partition(), record.offset(),
                    e.toString());
            return null;
        }
    }

    private Future<PostResult> publish(SocialPost post, PostResult prior) {
        SocialProvider provider = providers.get(post.network());
        if (provider == null) {
            return record(result(post, PostOutcome.REFUSED, null, null, null,
                    "no provider is configured for " + post.network().wire() + " in the notifier"));
        }
        boolean interrupted = prior != null && prior.postVersion() == post.version()
                && prior.outcome() == PostOutcome.PUBLISHING;
        if (interrupted && !provider.idempotent()) {
            return record(result(post, PostOutcome.UNKNOWN, null, null, null, "the notifier stopped while "
                    + "publishing this post; " + post.network().wire() + " may have it: check the account"));
        }
        return write(result(post, PostOutcome.PUBLISHING, null, null, null, null))
                .compose(v -> attempt(post, provider, 1))
                .compose(answer -> record(outcome(post, provider, answer)));
    }

    private Future<ProviderAnswer> attempt(SocialPost post, SocialProvider provider, int attempt) {
        return provider.publish(post).compose(answer -> {
            if (answer.kind() != ProviderAnswer.Kind.UNCERTAIN || !answer.retrySafe() || attempt >= attempts) {
                return Future.succeededFuture(answer);
            }
            LOG.info("post {} to {}: no clear answer (status {}), trying again", post.id(), post.network().wire(),
                    answer.status());
            long wait = Math.min(backoffMax.toMillis(), backoff.toMillis() << (attempt - 1));
            Promise<ProviderAnswer> next = Promise.promise();
            vertx.setTimer(Math.max(1, wait), t -> attempt(post, provider, attempt + 1).onComplete(next));
            return next.future();
        });
    }

    private PostResult outcome(SocialPost post, SocialProvider provider, ProviderAnswer a) {
        return switch (a.kind()) {
            case POSTED -> result(post, PostOutcome.POSTED, a.providerId(), a.url(), a.status(), a.body());
            case REFUSED -> result(post, PostOutcome.REFUSED, null, null, a.status(), a.body());
            case UNCERTAIN -> result(post, a.retrySafe() && !provider.idempotent() ? PostOutcome.REFUSED
                    : PostOutcome.UNKNOWN, null, null, a.status(), a.body());
        };
    }

    private PostResult result(SocialPost post, PostOutcome outcome, String id, String url, Integer status,
                              String answer) {
        return new PostResult(post.id(), post.version(), post.network(), outcome, id, url, status, answer,
                clock.instant());
    }

    /** Records a final result and audits it. */
    private Future<PostResult> record(PostResult r) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("network", r.network().wire());
        details.put("version", Long.toString(r.postVersion()));
        if (r.status() != null) {
            details.put("status", r.status().toString());
        }
        if (r.providerId() != null) {
            details.put("providerId", r.providerId());
            details.put("url", r.url());
        }
        if (r.outcome() != PostOutcome.POSTED && r.answer() != null) {
            details.put("answer", r.answer().length() > 300 ? r.answer().substring(0, 300) + "…" : r.answer());
        }
        LOG.info("post {} to {}: {} (status {})", r.postId(), r.network().wire(), r.outcome().wire(), r.status());
        AuditEvent event = new AuditEvent(UUID.randomUUID().toString(), clock.instant(), "notifier", "service",
                "post.publish", r.postId(), null, r.outcome().wire(), null, details);
        return write(r).compose(v -> writer.write(AuditTopics.AUDIT, "notifier", event)).map(r);
    }

    private Future<Void> write(PostResult r) {
        return writer.write(SocialTopics.RESULTS, r.postId(), r).map(meta -> {
            results.merge(r.postId(), r, PostPublisher::newer);
            return null;
        });
    }

    public Future<Void> close() {
        List<Future<?>> closing = new ArrayList<>();
        if (consumer != null) {
            closing.add(consumer.close());
        }
        if (reader != null) {
            closing.add(reader.close());
        }
        return Future.join(closing).mapEmpty();
    }
}
