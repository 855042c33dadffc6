package org.warroom.contracts.complaint;

/**
 * One routing rule: complaints of {@code category} in {@code district} ({@code *}: every district) go to
 * {@code department} (API.md: {@code GET/PUT /api/v1/admin/routing}).
 */
public record RoutingRule(String category, String district, String department) {
    /** The district of a rule for every district. */
    public static final String ANY_DISTRICT = "*";
}
