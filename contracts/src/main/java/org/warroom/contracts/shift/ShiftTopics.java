package org.warroom.contracts.shift;

import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.warroom.contracts.json.JsonSerde;
import org.warroom.contracts.topic.Topic;

/** The shift log's and handovers' topics (docs/TOPICS.md, docs/OPERATIONS.md); both read whole by the dashboard. */
public final class ShiftTopics {
    /** Log entries, keyed by id; compacted (an entry is written once and kept). */
    public static final Topic<String, ShiftLogEntry> SHIFT_LOG =
            new Topic<>("warroom.shift-log", Serdes.String(), JsonSerde.of(ShiftLogEntry.class), true);
    /** Handovers, keyed by id; compacted: every step is a record, the latest one per id is the handover. */
    public static final Topic<String, Handover> HANDOVERS =
            new Topic<>("warroom.handovers", Serdes.String(), JsonSerde.of(Handover.class), true);

    private ShiftTopics() {
    }

    public static List<Topic<?, ?>> all() {
        return List.of(SHIFT_LOG, HANDOVERS);
    }
}
