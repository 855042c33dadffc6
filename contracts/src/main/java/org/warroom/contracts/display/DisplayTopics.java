package org.warroom.contracts.display;

import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.warroom.contracts.json.JsonSerde;
import org.warroom.contracts.topic.Topic;

/** The wall displays' topic (docs/TOPICS.md). */
public final class DisplayTopics {
    /** Displays keyed by id; compacted: the latest record per id is the display (revoked ones stay, marked). */
    public static final Topic<String, Display> DISPLAYS =
            new Topic<>("warroom.displays", Serdes.String(), JsonSerde.of(Display.class), true);

    private DisplayTopics() {
    }

    public static List<Topic<?, ?>> all() {
        return List.of(DISPLAYS);
    }
}
