package org.warroom.dashboard.access;

import java.util.Set;

/**
 * What one caller may see: which districts (all of them, or a fixed set), and whether personal data (names, phone
 * numbers) is shown in clear or masked. Every query, page, chart and websocket subscription is filtered by it on
 * the server. An operator limited to some states has the districts of those states as a fixed set, and
 * {@link #states()} names the states (empty for every other scope).
 */
public record Scope(boolean allDistricts, Set<String> districts, boolean personalData, Set<String> states) {
    public Scope {
        districts = Set.copyOf(districts);
        states = states == null ? Set.of() : Set.copyOf(states);
    }

    public Scope(boolean allDistricts, Set<String> districts, boolean personalData) {
        this(allDistricts, districts, personalData, Set.of());
    }

    /** The whole state (or country), personal data masked. */
    public static Scope everywhere(boolean personalData) {
        return new Scope(true, Set.of(), personalData);
    }

    /** Only these districts. */
    public static Scope districts(Set<String> districts, boolean personalData) {
        return new Scope(false, districts, personalData);
    }

    /** Only the districts of these states ({@code districtsOfStates}: every district of them). */
    public static Scope states(Set<String> states, Set<String> districtsOfStates, boolean personalData) {
        return new Scope(false, districtsOfStates, personalData, states);
    }

    public boolean sees(String district) {
        return allDistricts || (district != null && districts.contains(district));
    }
}
