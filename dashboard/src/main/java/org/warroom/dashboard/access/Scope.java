package org.warroom.dashboard.access;

import java.util.Set;

/**
 * What one caller may see: which districts (all of them, or a fixed set), and whether personal data (names, phone
 * numbers) is shown in clear or masked. Every query, page, chart and websocket subscription is filtered by it on
 * the server.
 */
public record Scope(boolean allDistricts, Set<String> districts, boolean personalData) {
    public Scope {
        districts = Set.copyOf(districts);
    }

    /** The whole state (or country), personal data masked. */
    public static Scope everywhere(boolean personalData) {
        return new Scope(true, Set.of(), personalData);
    }

    /** Only these districts. */
    public static Scope districts(Set<String> districts, boolean personalData) {
        return new Scope(false, districts, personalData);
    }

    public boolean sees(String district) {
        return allDistricts || (district != null && districts.contains(district));
    }
}
