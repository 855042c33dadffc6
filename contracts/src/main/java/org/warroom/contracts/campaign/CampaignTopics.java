package org.warroom.contracts.campaign;

import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.warroom.contracts.json.JsonSerde;
import org.warroom.contracts.topic.Topic;

/** The topics of verification-call campaigns; all compacted, written and read by the dashboard. */
public final class CampaignTopics {
    public static final Topic<String, Campaign> CAMPAIGNS =
            new Topic<>("warroom.campaigns", Serdes.String(), JsonSerde.of(Campaign.class), true);
    public static final Topic<String, CampaignMembers> MEMBERS =
            new Topic<>("warroom.campaign-members", Serdes.String(), JsonSerde.of(CampaignMembers.class), true);
    public static final Topic<String, WorkerCalls> CALLS =
            new Topic<>("warroom.campaign-calls", Serdes.String(), JsonSerde.of(WorkerCalls.class), true);
    public static final Topic<String, WorkerLease> LEASES =
            new Topic<>("warroom.campaign-leases", Serdes.String(), JsonSerde.of(WorkerLease.class), true);

    private CampaignTopics() {
    }

    /** The key of a worker's records within a campaign. */
    public static String key(String campaign, String worker) {
        return campaign + "/" + worker;
    }

    public static List<Topic<?, ?>> all() {
        return List.of(CAMPAIGNS, MEMBERS, CALLS, LEASES);
    }
}
