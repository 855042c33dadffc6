package org.warroom.dashboard.campaign;

/** One agent's calls in a campaign: calls recorded, workers reached, workers verified. */
public record AgentTally(String agent, long attempts, long reached, long verified) {
    AgentTally plus(boolean reachedNow, boolean verifiedNow) {
        return new AgentTally(agent, attempts + 1, reached + (reachedNow ? 1 : 0), verified + (verifiedNow ? 1 : 0));
    }
}
