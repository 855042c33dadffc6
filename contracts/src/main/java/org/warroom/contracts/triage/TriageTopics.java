package org.warroom.contracts.triage;

import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.warroom.contracts.json.JsonSerde;
import org.warroom.contracts.topic.Topic;

/** The triage topics (docs/TOPICS.md, docs/TRIAGE.md). */
public final class TriageTopics {
    /** Placements of unplaced messages, keyed by message id; compacted. Written and read by the dashboard. */
    public static final Topic<String, Placement> PLACEMENTS =
            new Topic<>("warroom.placements", Serdes.String(), JsonSerde.of(Placement.class), true);
    /**
     * Proposed aliases, keyed by {@link AliasProposal#key()}; compacted. Written by the dashboard; read by the
     * dashboard and by ingest (whose recogniser learns the accepted ones).
     */
    public static final Topic<String, AliasProposal> ALIASES =
            new Topic<>("warroom.district-aliases", Serdes.String(), JsonSerde.of(AliasProposal.class), true);

    private TriageTopics() {
    }

    public static List<Topic<?, ?>> all() {
        return List.of(PLACEMENTS, ALIASES);
    }
}
