package org.warroom.streams.settings;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.warroom.contracts.settings.SettingValue;
import org.warroom.contracts.settings.SettingsSnapshot;
import org.warroom.contracts.settings.SettingsTopics;
import org.warroom.streams.config.WarroomStreamsConfig.Rules;
import org.warroom.streams.support.Sources;

/**
 * The run-time settings as a global store.
 *
 * <ul>
 *   <li>In: {@code warroom.settings} (compacted; {@code key} or {@code key|district} → {@link SettingValue}), every
 *       partition on every instance.</li>
 *   <li>Through: global store {@value #STORE} (in memory, restored from the topic itself at start, no changelog).</li>
 *   <li>Out: the {@link LiveSettings} returned, which the processors read as they compute.</li>
 * </ul>
 */
public final class SettingsTopology {
    public static final String STORE = "settings-global";
    public static final String SOURCE = "source-" + "warroom.settings";
    public static final String PROCESSOR = "settings-loader";

    private SettingsTopology() {
    }

    /** Adds the global settings store; returns the settings in force, kept current by it. */
    public static LiveSettings build(Sources sources, Rules rules) {
        LiveSettings live = new LiveSettings(rules);
        sources.builder().addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STORE), Serdes.String(),
                        SettingsTopics.SETTINGS.valueSerde()).withLoggingDisabled(),
                SettingsTopics.SETTINGS.name(),
                Consumed.with(SettingsTopics.SETTINGS.keySerde(), SettingsTopics.SETTINGS.valueSerde()).withName(SOURCE),
                () -> new Loader(live));
        return live;
    }

    /** Keeps the store and {@link LiveSettings} in step with the topic; on start, takes what the store restored. */
    private static final class Loader implements Processor<String, SettingValue, Void, Void> {
        private final LiveSettings live;
        private KeyValueStore<String, SettingValue> store;

        Loader(LiveSettings live) {
            this.live = live;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(STORE);
            java.util.List<SettingValue> restored = new java.util.ArrayList<>();
            try (KeyValueIterator<String, SettingValue> all = store.all()) {
                all.forEachRemaining(kv -> restored.add(kv.value));
            }
            live.replace(SettingsSnapshot.of(restored));
        }

        @Override
        public void process(Record<String, SettingValue> record) {
            if (record.key() == null) {
                return;
            }
            if (record.value() == null) {
                store.delete(record.key());
                live.remove(record.key());
            } else if (record.value().key() != null) {
                store.put(record.key(), record.value());
                live.apply(record.value());
            }
        }
    }
}
