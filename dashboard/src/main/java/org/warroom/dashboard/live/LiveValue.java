package org.warroom.dashboard.live;

import java.util.Set;

/**
 * The latest value of one key of one channel, with its JSON (encoded once, shared by every client) and where it
 * belongs for scoping.
 *
 * @param district   the district it belongs to, null for state-wide figures
 * @param categories what it concerns for category-bound responders (alerts only)
 */
public record LiveValue(LiveChannel channel, String key, Object value, String json, String district,
                        Set<String> categories) {
    public LiveValue {
        categories = Set.copyOf(categories);
    }

    public boolean stateWide() {
        return district == null;
    }
}
