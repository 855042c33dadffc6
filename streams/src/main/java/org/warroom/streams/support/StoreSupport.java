package org.warroom.streams.support;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/** Named, changelogged, persistent key-value stores with string keys and JSON values ({@link InternalSerdes}). */
public final class StoreSupport {
    private StoreSupport() {
    }

    /** Adds a persistent store {@code name} (changelog {@code <app>-<name>-changelog}) to the builder. */
    public static <V> void addStore(StreamsBuilder builder, String name, Class<V> type) {
        StoreBuilder<KeyValueStore<String, V>> store = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(name), Serdes.String(), InternalSerdes.of(type));
        builder.addStateStore(store);
    }
}
