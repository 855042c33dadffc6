package org.warroom.dashboard.shift;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.warroom.contracts.config.KafkaSettings;
import org.warroom.contracts.shift.Handover;
import org.warroom.contracts.shift.HandoverDraft;
import org.warroom.contracts.shift.HandoverLifecycle;
import org.warroom.contracts.shift.HandoverRefused;
import org.warroom.contracts.shift.ShiftLogEntry;
import org.warroom.contracts.shift.ShiftTopics;
import org.warroom.vertxkafka.CompactedReader;
import org.warroom.vertxkafka.TopicWriter;

/**
 * The shift log and the handovers, read from {@code warroom.shift-log} and {@code warroom.handovers} from the
 * beginning at start and followed, and the one way they are written: audited first, then stored, answered only after
 * Kafka acknowledged. One step at a time per handover (a second one at once is refused: reload).
 */
public final class ShiftBook {
    private final Map<String, ShiftLogEntry> log = new ConcurrentHashMap<>();
    private final Map<String, Handover> handovers = new ConcurrentHashMap<>();
    private final Set<String> storing = ConcurrentHashMap.newKeySet();
    private final HandoverLifecycle lifecycle = new HandoverLifecycle();
    private final TopicWriter writer;
    private CompactedReader reader;

    public ShiftBook(TopicWriter writer) {
        this.writer = writer;
    }

    public Future<Void> start(Vertx vertx, KafkaSettings kafka, String instance) {
        reader = new CompactedReader(vertx, kafka, "warroom-dashboard-shift-" + instance,
                List.of(ShiftTopics.SHIFT_LOG.name(), ShiftTopics.HANDOVERS.name()),
                (topic, key, value, partition, offset) -> {
                    if (value == null) {
                        return;
                    }
                    if (ShiftTopics.SHIFT_LOG.name().equals(topic)) {
                        ShiftLogEntry e = ShiftTopics.SHIFT_LOG.valueSerde().deserializer().deserialize(topic, value);
                        log.put(e.id(), e);
                    } else {
                        apply(ShiftTopics.HANDOVERS.valueSerde().deserializer().deserialize(topic, value));
                    }
                });
        return reader.start();
    }

    private void apply(Handover h) {
        handovers.merge(h.id(), h, (old, now) -> now.version() >= old.version() ? now : old);
    }

    /** Log entries written in {@code [from, to)}, oldest first. */
    public List<ShiftLogEntry> entries(Instant from, Instant to) {
        return log.values().stream()
                .filter(e -> !e.at().toInstant().isBefore(from) && e.at().toInstant().isBefore(to))
                .sorted(Comparator.comparing((ShiftLogEntry e) -> e.at().toInstant()).thenComparing(ShiftLogEntry::id))
                .toList();
    }

    public Optional<Handover> handover(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(handovers.get(id));
    }

    public Collection<Handover> handovers() {
        return handovers.values();
    }

    /** The latest handover drafted, if any. */
    public Optional<Handover> latest() {
        return handovers.values().stream().max(Comparator.comparing((Handover h) -> h.draftedAt().toInstant())
                .thenComparing(Handover::id));
    }

    public Future<ShiftLogEntry> write(ShiftLogEntry entry, Function<ShiftLogEntry, Future<?>> audit) {
        return audit.apply(entry).compose(v -> writer.write(ShiftTopics.SHIFT_LOG, entry.id(), entry)).map(meta -> {
            log.put(entry.id(), entry);
            return entry;
        });
    }

    public static String newId(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(java.util.Locale.ROOT);
    }

    public Future<Handover> draft(HandoverDraft draft, String by, OffsetDateTime at, Function<Handover, Future<?>> audit) {
        Handover h = lifecycle.draft(newId("H-"), draft, by, at);
        return audit.apply(h).compose(v -> store(h));
    }

    public Future<Handover> sign(Handover current, String summary, String by, OffsetDateTime at,
                                 Function<Handover, Future<?>> audit) {
        return step(current, latest -> lifecycle.sign(latest, summary, by, at), audit);
    }

    public Future<Handover> acknowledge(Handover current, String by, OffsetDateTime at,
                                        Function<Handover, Future<?>> audit) {
        return step(current, latest -> lifecycle.acknowledge(latest, by, at), audit);
    }

    private Future<Handover> step(Handover current, Function<Handover, Handover> change,
                                  Function<Handover, Future<?>> audit) {
        if (!storing.add(current.id())) {
            return Future.failedFuture(new HandoverRefused(HandoverRefused.Reason.NOT_ALLOWED, "state",
                    "another step on handover " + current.id() + " is being stored; reload it", current));
        }
        Future<Handover> stored;
        try {
            Handover next = change.apply(handovers.getOrDefault(current.id(), current));
            stored = audit.apply(next).compose(v -> store(next));
        } catch (HandoverRefused e) {
            stored = Future.failedFuture(e);
        }
        return stored.onComplete(ar -> storing.remove(current.id()));
    }

    private Future<Handover> store(Handover h) {
        return writer.write(ShiftTopics.HANDOVERS, h.id(), h).map(meta -> {
            apply(h);
            return h;
        });
    }

    public Future<Void> close() {
        return reader == null ? Future.succeededFuture() : reader.close();
    }
}
