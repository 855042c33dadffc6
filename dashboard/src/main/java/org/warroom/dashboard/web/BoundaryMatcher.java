package org.warroom.dashboard.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.warroom.contracts.reference.District;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.contracts.reference.NameNormalizer;
import org.warroom.contracts.reference.State;
import org.warroom.contracts.reference.StateDirectory;

/**
 * Finds the LGD district a boundary feature draws. The state by the feature's state name ({@code st_nm}: the map's
 * own state codes are not LGD's), then within that state the district whose {@code geoCode} is the feature's
 * {@code dt_code} (Census 2011 codes repeat across states in the source), else the one of the same name (districts
 * the source drew after 2011). A district is drawn by one feature at most: a second feature for it is not matched.
 */
final class BoundaryMatcher {
    private final DistrictDirectory districts;
    private final StateDirectory states;
    private final Set<String> taken = new HashSet<>();

    BoundaryMatcher(DistrictDirectory districts, StateDirectory states) {
        this.districts = districts;
        this.states = states;
    }

    /** The LGD state a feature (district or state) lies in, by its {@code st_nm}. */
    Optional<State> state(JsonNode properties) {
        return states.resolveState(properties.path("st_nm").asText(""));
    }

    /** The district the feature draws, unless none matches or it is drawn already. */
    Optional<District> district(JsonNode properties) {
        Optional<State> state = state(properties);
        if (state.isEmpty()) {
            return Optional.empty();
        }
        String geoCode = properties.path("dt_code").asText("");
        String name = NameNormalizer.key(properties.path("district").asText(""));
        Optional<District> byCode = geoCode.isEmpty() || geoCode.equals("0") ? Optional.empty()
                : districts.inState(state.get().code()).stream().filter(d -> d.geoCode().equals(geoCode)).findFirst();
        Optional<District> found = byCode.isPresent() ? byCode
                : districts.inState(state.get().code()).stream()
                        .filter(d -> !name.isEmpty() && NameNormalizer.key(d.name()).equals(name)).findFirst();
        if (found.isEmpty() || !taken.add(found.get().code())) {
            return Optional.empty();
        }
        return found;
    }
}
