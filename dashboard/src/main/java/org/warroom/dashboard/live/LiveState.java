package org.warroom.dashboard.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.warroom.contracts.json.Json;

/**
 * The latest value per key of every compacted result topic, so that a new screen is complete at once, and the
 * stream of changes for the screens already open. Fed by {@link LiveStateVerticle} on its event loop; read by
 * HTTP handlers from any thread (concurrent maps); changes are handed to each {@link Listener} in batches
 * (one per consumer poll), on the listener's own context.
 */
public final class LiveState {

    /** Someone who wants the changes; called on {@link #context()}. */
    public interface Listener {
        Context context();

        void onChanges(List<LiveChange> changes);
    }

    /** Where state-wide values are filed in {@link #byDistrict}. */
    private static final String STATE_WIDE = "";

    private final Map<LiveChannel, Map<String, LiveValue>> tables = new EnumMap<>(LiveChannel.class);
    /** The same values by district, so that a scoped snapshot reads only its districts. */
    private final Map<LiveChannel, Map<String, Map<String, LiveValue>>> byDistrict = new EnumMap<>(LiveChannel.class);
    /** Bumped after every change of a channel's table (cached snapshots of an older version are stale). */
    private final Map<LiveChannel, AtomicLong> versions = new EnumMap<>(LiveChannel.class);
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong malformed = new AtomicLong();
    private List<LiveChange> pending = new ArrayList<>();
    private volatile boolean ready;

    public LiveState() {
        for (LiveChannel c : LiveChannel.values()) {
            tables.put(c, new ConcurrentHashMap<>());
            byDistrict.put(c, new ConcurrentHashMap<>());
            versions.put(c, new AtomicLong());
        }
    }

    /**
     * Applies one record of a result topic (value null: tombstone). Decoding failures throw, so the reader logs
     * the record's key and offset and counts it.
     */
    public void apply(Vertx vertx, LiveChannel channel, String key, byte[] bytes) {
        if (key == null) {
            malformed.incrementAndGet();
            throw new IllegalArgumentException("record without key");
        }
        Map<String, LiveValue> table = tables.get(channel);
        LiveValue previous;
        LiveValue current = null;
        if (bytes == null) {
            previous = table.remove(key);
            if (previous == null) {
                return;
            }
        } else {
            Object value;
            try {
                value = channel.topic().valueSerde().deserializer().deserialize(channel.topic().name(), bytes);
            } catch (RuntimeException e) {
                malformed.incrementAndGet();
                throw e;
            }
            current = place(channel, key, value);
            previous = table.put(key, current);
        }
        if (previous != null && (current == null || !Objects.equals(previous.district(), current.district()))) {
            Map<String, LiveValue> old = byDistrict.get(channel).get(slot(previous.district()));
            if (old != null) {
                old.remove(key);
            }
        }
        if (current != null) {
            byDistrict.get(channel).computeIfAbsent(slot(current.district()), d -> new ConcurrentHashMap<>())
                    .put(key, current);
        }
        versions.get(channel).incrementAndGet();
        boolean first = pending.isEmpty();
        pending.add(new LiveChange(channel, key, current, previous));
        if (first) {
            // Everything one poll brings is handed over together, after the poll's records are applied.
            vertx.runOnContext(v -> flush());
        }
    }

    /** A value as the live state keeps it; public for tests that build expected frames. */
    public static LiveValue place(LiveChannel channel, String key, Object value) {
        try {
            return new LiveValue(channel, key, value, Json.mapper().writeValueAsString(value),
                    channel.districtOf(key, value), channel.categoriesOf(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value, e);
        }
    }

    private void flush() {
        List<LiveChange> batch = List.copyOf(pending);
        pending = new ArrayList<>();
        if (batch.isEmpty()) {
            return;
        }
        Map<Context, List<Listener>> byContext = new LinkedHashMap<>();
        for (Listener l : listeners) {
            byContext.computeIfAbsent(l.context(), c -> new ArrayList<>()).add(l);
        }
        byContext.forEach((context, ls) -> context.runOnContext(v -> ls.forEach(l -> {
            if (listeners.contains(l)) {
                l.onChanges(batch);
            }
        })));
    }

    /** Registers a listener; changes applied from now on reach it. Returns what unregisters it. */
    public Runnable listen(Listener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private static String slot(String district) {
        return district == null ? STATE_WIDE : district;
    }

    /** The values of one channel that belong to a district (null: the state-wide values). */
    public Collection<LiveValue> valuesIn(LiveChannel channel, String district) {
        Map<String, LiveValue> values = byDistrict.get(channel).get(slot(district));
        return values == null ? List.of() : values.values();
    }

    /** Changes with every change of the channel; read it before the values a cached snapshot is made of. */
    public long version(LiveChannel channel) {
        return versions.get(channel).get();
    }

    public Collection<LiveValue> values(LiveChannel channel) {
        return tables.get(channel).values();
    }

    public Optional<LiveValue> get(LiveChannel channel, String key) {
        return Optional.ofNullable(tables.get(channel).get(key));
    }

    /** The records of one channel, typed. */
    public <T> List<T> records(LiveChannel channel, Class<T> type) {
        return tables.get(channel).values().stream().map(v -> type.cast(v.value())).toList();
    }

    public int listeners() {
        return listeners.size();
    }

    public long malformed() {
        return malformed.get();
    }

    /** Whether every record that existed at start has been loaded. */
    public boolean ready() {
        return ready;
    }

    void markReady() {
        ready = true;
    }
}
