package org.warroom.contracts.campaign;

import java.util.List;

/**
 * One chunk of a campaign's members, in calling order. Topic {@code warroom.campaign-members} (compacted), keyed by
 * {@code <campaign>/<chunk>}; a campaign of {@code chunks} chunks is complete when all of them are read.
 */
public record CampaignMembers(String campaign, int chunk, int chunks, List<String> workers) {
    public CampaignMembers {
        workers = List.copyOf(workers);
    }
}
