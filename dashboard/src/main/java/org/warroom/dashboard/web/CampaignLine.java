package org.warroom.dashboard.web;

/**
 * One running verification-call campaign in the situation report: its progress now, exactly as the campaign's own
 * queue counts it (docs/CAMPAIGNS.md "Progress").
 */
public record CampaignLine(String id, String name, int size, int reached, int verified, int pending, int exhausted,
                           long attempts) {
}
