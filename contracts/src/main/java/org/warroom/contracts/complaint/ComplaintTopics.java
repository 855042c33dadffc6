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

    /**
     * What the desk asks the notifier to tell citizens ({@link CitizenReply}, keyed by reply id; personal data:
     * kept {@code personal.data.retention}). Written by the dashboard's desk owner, read by the notifier.
     */
    public static final Topic<String, CitizenReply> CITIZEN_REPLY_REQUESTS =
            new Topic<>("warroom.citizen-reply-requests", Serdes.String(), JsonSerde.of(CitizenReply.class), false,
                    Topic.Retention.PERSONAL_DATA);
    /**
     * What became of each reply ({@link CitizenReplyOutcome}, keyed by reply id; compacted: the latest is the
     * outcome). Written by the notifier, read by the desk.
     */
    public static final Topic<String, CitizenReplyOutcome> CITIZEN_REPLIES =
            new Topic<>("warroom.citizen-replies", Serdes.String(), JsonSerde.of(CitizenReplyOutcome.class), true);

    private ComplaintTopics() {
    }

    public static List<Topic<?, ?>> all() {
        return List.of(COMPLAINTS, ROUTING, CITIZEN_REPLY_REQUESTS, CITIZEN_REPLIES);
    }
}
