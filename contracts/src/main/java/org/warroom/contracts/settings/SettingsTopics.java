package org.warroom.contracts.settings;

import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.warroom.contracts.json.JsonSerde;
import org.warroom.contracts.topic.Topic;

/** The run-time settings' topic (docs/TOPICS.md, docs/SETTINGS.md). */
public final class SettingsTopics {
    /**
     * Settings administrators changed, keyed by {@link SettingValue#topicKey(String, String)}; compacted: the latest
     * record per key is the value in force. Written by the dashboard; read by streams (a global store) and
     * {@code verify}.
     */
    public static final Topic<String, SettingValue> SETTINGS =
            new Topic<>("warroom.settings", Serdes.String(), JsonSerde.of(SettingValue.class), true);

    private SettingsTopics() {
    }

    public static List<Topic<?, ?>> all() {
        return List.of(SETTINGS);
    }
}
