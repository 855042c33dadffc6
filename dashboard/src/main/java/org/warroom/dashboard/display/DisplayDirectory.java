package org.warroom.dashboard.display;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.warroom.contracts.config.KafkaSettings;
import org.warroom.contracts.display.Display;
import org.warroom.contracts.display.DisplayTopics;
import org.warroom.vertxkafka.CompactedReader;
import org.warroom.vertxkafka.TopicWriter;

/**
 * The registered wall displays: a view of the compacted topic {@code warroom.displays} (every dashboard instance
 * reads it from the beginning, so a display registered or revoked on one instance counts on all), and writing
 * them. Listeners hear of every change, so open screens of a revoked display close at once.
 */
public final class DisplayDirectory {
    private final Map<String, Display> displays = new ConcurrentHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final TopicWriter writer;
    private CompactedReader reader;

    public DisplayDirectory(TopicWriter writer) {
        this.writer = writer;
    }

    public Future<Void> start(Vertx vertx, KafkaSettings kafka, String instance) {
        reader = new CompactedReader(vertx, kafka, "warroom-dashboard-displays-" + instance,
                List.of(DisplayTopics.DISPLAYS.name()), (topic, key, value, partition, offset) -> {
                    Display display = value == null ? null
                            : DisplayTopics.DISPLAYS.valueSerde().deserializer().deserialize(topic, value);
                    if (display == null) {
                        displays.remove(key);
                    } else {
                        displays.put(display.id(), display);
                    }
                    listeners.forEach(Runnable::run);
                });
        return reader.start();
    }

    /** Called after every change read from the topic (on the reader's thread). */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    public Optional<Display> find(String id) {
        return Optional.ofNullable(displays.get(id));
    }

    /** Every display, revoked ones included, oldest first. */
    public List<Display> all() {
        return displays.values().stream().sorted(Comparator.comparing(Display::createdAt,
                Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(Display::id)).toList();
    }

    public Future<Display> save(Display display) {
        return writer.write(DisplayTopics.DISPLAYS, display.id(), display).map(meta -> {
            displays.put(display.id(), display);
            listeners.forEach(Runnable::run);
            return display;
        });
    }

    public Future<Void> close() {
        return reader == null ? Future.succeededFuture() : reader.close();
    }
}
