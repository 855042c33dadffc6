package org.warroom.dashboard.bulletin;

import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.warroom.contracts.json.JsonSerde;
import org.warroom.contracts.topic.Topic;

/** The topic the bulletin owns (created at the dashboard's start): its on/off switch, shared by every instance. */
public final class BulletinTopics {
    public static final Topic<String, BulletinSwitchState> SWITCH =
            new Topic<>("warroom.public-bulletin", Serdes.String(), JsonSerde.of(BulletinSwitchState.class), true);

    private BulletinTopics() {
    }

    public static List<Topic<?, ?>> all() {
        return List.of(SWITCH);
    }
}
