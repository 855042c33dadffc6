package org.warroom.contracts.campaign;

import java.util.List;

/**
 * One chunk of a campaign's members, in calling order. Topic {@code warroom.campaign-members} (compacted), keyed by
 * {@code <campaign>/<chunk>}; a campaign of {@code chunks} chunks is complete when all of them are read.
 * {@code homeDistricts}: each worker's home district (LGD code, null unknown), in the same order; absent in chunks
 * written before it was kept.
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record CampaignMembers(String campaign, int chunk, int chunks, List<String> workers, List<String> homeDistricts) {
    public CampaignMembers {
        workers = List.copyOf(workers);
        homeDistricts = homeDistricts == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(homeDistricts));
        if (homeDistricts != null && homeDistricts.size() != workers.size()) {
            throw new IllegalArgumentException("homeDistricts must be as many as workers");
        }
    }

    public CampaignMembers(String campaign, int chunk, int chunks, List<String> workers) {
        this(campaign, chunk, chunks, workers, null);
    }
}
