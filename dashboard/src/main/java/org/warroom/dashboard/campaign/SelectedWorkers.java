package org.warroom.dashboard.campaign;

import java.util.List;

/** The workers a campaign filter selected, in calling order, with each one's home district (null: not known). */
public record SelectedWorkers(List<String> ids, List<String> homeDistricts) {
    public SelectedWorkers {
        if (ids.size() != homeDistricts.size()) {
            throw new IllegalArgumentException("one home district per worker");
        }
    }

    public int size() {
        return ids.size();
    }

    public boolean isEmpty() {
        return ids.isEmpty();
    }
}
