package org.warroom.contracts.complaint;

import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.warroom.contracts.json.JsonSerde;
import org.warroom.contracts.topic.Topic;

/**
 * The grievance desk's topics (docs/TOPICS.md). Each complaint step is also a ticket step on
 * {@code warroom.tickets} ({@link ComplaintTickets}).
 */
public final class ComplaintTopics {
    /** Complaints, keyed by number; compacted: the latest record per number is the complaint (personal data). */
    public static final Topic<String, Complaint> COMPLAINTS =
            new Topic<>("warroom.complaints", Serdes.String(), JsonSerde.of(Complaint.class), true);
    /** The routing table, one record under {@link RoutingTable#KEY}; compacted. None: the shipped default. */
    public static final Topic<String, RoutingTable> ROUTING =
            new Topic<>("warroom.routing", Serdes.String(), JsonSerde.of(RoutingTable.class), true);

    private ComplaintTopics() {
    }

    public static List<Topic<?, ?>> all() {
        return List.of(COMPLAINTS, ROUTING);
    }
}
