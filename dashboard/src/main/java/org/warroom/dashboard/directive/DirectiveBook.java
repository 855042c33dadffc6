package org.warroom.dashboard.directive;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.warroom.contracts.config.KafkaSettings;
import org.warroom.contracts.directive.Directive;
import org.warroom.contracts.directive.DirectiveLifecycle;
import org.warroom.contracts.directive.DirectiveOrder;
import org.warroom.contracts.directive.DirectiveRefused;
import org.warroom.contracts.directive.DirectiveRequest;
import org.warroom.contracts.directive.DirectiveTopics;
import org.warroom.vertxkafka.CompactedReader;
import org.warroom.vertxkafka.TopicWriter;

/**
 * Every directive, read from {@code warroom.directives} from the beginning at start and followed (so every dashboard
 * instance sees the others' steps), and the one way they are written: audited first, then stored, answered only
 * after Kafka acknowledged.
 *
 * <p>Concurrency as the grievance desk's: an action names the version it saw; while one action on a directive is
 * being stored any other on it is refused as stale, and once stored the version has moved on.
 */
public final class DirectiveBook {
    private final Map<String, Directive> directives = new ConcurrentHashMap<>();
    private final Set<String> storing = ConcurrentHashMap.newKeySet();
    private final DirectiveLifecycle lifecycle = new DirectiveLifecycle();
    private final TopicWriter writer;
    private CompactedReader reader;

    public DirectiveBook(TopicWriter writer) {
        this.writer = writer;
    }

    /** Loads every directive; completes once caught up. */
    public Future<Void> start(Vertx vertx, KafkaSettings kafka, String instance) {
        reader = new CompactedReader(vertx, kafka, "warroom-dashboard-directives-" + instance,
                List.of(DirectiveTopics.DIRECTIVES.name()), (topic, key, value, partition, offset) -> {
                    if (value != null) {
                        apply(DirectiveTopics.DIRECTIVES.valueSerde().deserializer().deserialize(topic, value));
                    }
                });
        return reader.start();
    }

    private void apply(Directive d) {
        directives.merge(d.id(), d, (old, now) -> now.version() >= old.version() ? now : old);
    }

    public Optional<Directive> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(directives.get(id));
    }

    public Collection<Directive> all() {
        return directives.values();
    }

    /** Issues a directive; {@code audit} runs with it before it is stored and must succeed first. */
    public Future<Directive> issue(DirectiveOrder order, String by, OffsetDateTime at,
                                   Function<Directive, Future<?>> audit) {
        String id = "D-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(java.util.Locale.ROOT);
        Directive d = lifecycle.issue(id, order, by, at);
        return audit.apply(d).compose(v -> store(d));
    }

    /** Applies an action; fails with {@link DirectiveRefused} leaving the directive unchanged. */
    public Future<Directive> act(Directive current, DirectiveRequest request, String by, OffsetDateTime at,
                                 Function<Directive, Future<?>> audit) {
        if (!storing.add(current.id())) {
            return Future.failedFuture(new DirectiveRefused(DirectiveRefused.Reason.STALE, "version",
                    "another action on " + current.id() + " is being stored; reload it", current));
        }
        Directive latest = directives.getOrDefault(current.id(), current);
        Future<Directive> stored;
        try {
            Directive next = lifecycle.act(latest, request, by, at);
            stored = audit.apply(next).compose(v -> store(next));
        } catch (DirectiveRefused e) {
            stored = Future.failedFuture(e);
        }
        return stored.onComplete(ar -> storing.remove(current.id()));
    }

    private Future<Directive> store(Directive d) {
        return writer.write(DirectiveTopics.DIRECTIVES, d.id(), d).map(meta -> {
            apply(d);
            return d;
        });
    }

    public Future<Void> close() {
        return reader == null ? Future.succeededFuture() : reader.close();
    }
}
