package org.warroom.dashboard.campaign;

/**
 * Where a campaign stands (API.md). {@code reached}: workers spoken to at least once; {@code verified}: workers
 * whose place of work was confirmed; {@code pending}: workers still to be called or called again;
 * {@code exhausted}: workers given up on after the maximum attempts; {@code closed}: workers the campaign is done
 * with by an outcome (verified, wrong number, refused, needs help); {@code leased}: workers with an agent now;
 * {@code attempts}: calls recorded.
 */
public record CampaignProgress(int size, int verified, int reached, int pending, int exhausted, int closed,
                               int leased, long attempts) {
}
