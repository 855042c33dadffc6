package org.warroom.contracts.campaign;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A verification-call campaign over the worker registry. Topic {@code warroom.campaigns} (compacted), keyed by id.
 * Its members are fixed when it is created (topic {@code warroom.campaign-members}), in calling order: workers
 * never verified first, then the longest unverified.
 *
 * @param size        how many workers it holds
 * @param maxAttempts attempts per worker before giving up on them (exhausted)
 * @param retryAfter  wait after an unanswered call before the next attempt
 * @param leaseTime   how long a worker handed to an agent stays theirs without an outcome
 * @param agents      usernames allowed to work it; empty: every agent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Campaign(String id, String name, CampaignFilter filter, int size, int maxAttempts, Duration retryAfter,
                       Duration leaseTime, CallingHours hours, List<String> agents, String createdBy,
                       Instant createdAt) {
    public Campaign {
        agents = agents == null ? List.of() : List.copyOf(agents);
    }

    /** Whether this user may take workers of the campaign. */
    public boolean workedBy(String username) {
        return agents.isEmpty() || agents.contains(username);
    }
}
