package org.warroom.contracts.campaign;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Which workers of the registry a campaign calls; every field optional, all given ones must match.
 *
 * @param homeDistrict       LGD district code of the worker's home
 * @param currentState       LGD state code where the worker was last known to work
 * @param status             registry status (home, working, unreachable)
 * @param skill              one skill the worker has
 * @param notVerifiedForDays only workers not verified in this many days (never verified counts as not verified)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CampaignFilter(String homeDistrict, String currentState, String status, String skill,
                             Integer notVerifiedForDays) {
    public static final CampaignFilter EVERYONE = new CampaignFilter(null, null, null, null, null);
}
