package org.warroom.contracts.reference;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The districts one name can mean, and how to pick one: a district in a preferred state first;
 * otherwise an official name (English or Hindi) beats an alias; otherwise the name is ambiguous.
 */
final class Candidates {

    /** Rank of an official name (English or Hindi). */
    static final int OFFICIAL = 0;
    /** Rank of an alias. */
    static final int ALIAS = 1;

    /** One district a name can mean, with the rank of the name for that district. */
    record Candidate(District district, int rank) {
    }

    /** How a name was resolved. */
    record Pick(District district, boolean byPreference) {
    }

    private Candidates() {
    }

    /** Adds {@code district} at {@code rank}, keeping the best rank when it is already there. */
    static void add(List<Candidate> list, District district, int rank) {
        for (int i = 0; i < list.size(); i++) {
            Candidate c = list.get(i);
            if (c.district().code().equals(district.code())) {
                if (rank < c.rank()) {
                    list.set(i, new Candidate(district, rank));
                }
                return;
            }
        }
        list.add(new Candidate(district, rank));
    }

    /**
     * Picks one district, or empty when the name stays ambiguous: the candidates of the first
     * preferred state that has any, else all of them; among those, the only one with the best rank.
     */
    static Optional<Pick> pick(List<Candidate> candidates, Collection<String> preferredStates) {
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        if (candidates.size() == 1) {
            return Optional.of(new Pick(candidates.get(0).district(), false));
        }
        for (String state : preferredStates) {
            List<Candidate> inState = candidates.stream()
                    .filter(c -> c.district().stateCode().equals(state)).toList();
            if (!inState.isEmpty()) {
                return bestRanked(inState).map(d -> new Pick(d, true));
            }
        }
        return bestRanked(candidates).map(d -> new Pick(d, false));
    }

    private static Optional<District> bestRanked(List<Candidate> candidates) {
        int best = Integer.MAX_VALUE;
        for (Candidate c : candidates) {
            best = Math.min(best, c.rank());
        }
        District found = null;
        for (Candidate c : candidates) {
            if (c.rank() == best) {
                if (found != null) {
                    return Optional.empty();
                }
                found = c.district();
            }
        }
        return Optional.ofNullable(found);
    }

    /** Orders code strings numerically when they are numbers ("9" before "10"). */
    static int compareCodes(String a, String b) {
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }

    /** The districts, best rank first. */
    static List<District> districts(List<Candidate> candidates) {
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort((a, b) -> Integer.compare(a.rank(), b.rank()));
        Set<District> out = new LinkedHashSet<>();
        for (Candidate c : sorted) {
            out.add(c.district());
        }
        return List.copyOf(out);
    }
}
