package org.warroom.contracts.reference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.warroom.contracts.reference.Candidates.Candidate;

/**
 * "Did you mean" for district codes and names.
 *
 * <p>A code (digits) suggests the code itself when it exists, else, for three digits or more,
 * codes one typo away (swapped neighbours first, then dropped/extra/changed digit, nearest
 * number first). A name suggests exact matches, else names within a small edit distance
 * (1 for up to 4 letters, 2 up to 7, 3 above), or starting with (4+ letters) or containing
 * (5+ letters) the input, which counts as distance 1; ranked by distance then Jaro-Winkler
 * similarity. Inputs shorter than 3 letters suggest nothing.
 */
final class DistrictSuggester {

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private final Map<String, List<Candidate>> byKey;
    private final Map<String, District> byCode;

    DistrictSuggester(Map<String, List<Candidate>> byKey, Map<String, District> byCode) {
        this.byKey = byKey;
        this.byCode = byCode;
    }

    List<District> suggest(String input, int max) {
        if (input == null || max <= 0 || input.isBlank()) {
            return List.of();
        }
        String code = ReferenceCsv.canonicalCode(input);
        List<District> out = code != null ? byCodeTypos(code) : byName(input);
        return out.size() > max ? List.copyOf(out.subList(0, max)) : out;
    }

    private List<District> byCodeTypos(String code) {
        District exact = byCode.get(code);
        if (exact != null) {
            return List.of(exact);
        }
        if (code.length() < 3 || code.length() > 9) {
            return List.of();
        }
        long wanted = Long.parseLong(code);
        record Scored(District district, int kind, long gap) {
        }
        List<Scored> scored = new ArrayList<>();
        for (District d : byCode.values()) {
            if (d.code().length() > 9 || ReferenceCsv.canonicalCode(d.code()) == null) {
                continue;
            }
            int kind = typoKind(code, d.code());
            if (kind > 0) {
                scored.add(new Scored(d, kind, Math.abs(Long.parseLong(d.code()) - wanted)));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::kind).thenComparingLong(Scored::gap)
                .thenComparing(s -> s.district().code()));
        return scored.stream().map(Scored::district).toList();
    }

    /** 1 swapped neighbours, 2 one digit dropped or added, 3 one digit changed, 0 otherwise. */
    private static int typoKind(String typed, String code) {
        int a = typed.length();
        int b = code.length();
        if (a == b) {
            int first = -1;
            int diffs = 0;
            for (int i = 0; i < a; i++) {
                if (typed.charAt(i) != code.charAt(i)) {
                    if (first < 0) {
                        first = i;
                    }
                    diffs++;
                }
            }
            if (diffs == 1) {
                return 3;
            }
            if (diffs == 2 && first + 1 < a && typed.charAt(first) == code.charAt(first + 1)
                    && typed.charAt(first + 1) == code.charAt(first)) {
                return 1;
            }
            return 0;
        }
        if (Math.abs(a - b) == 1) {
            String longer = a > b ? typed : code;
            String shorter = a > b ? code : typed;
            for (int i = 0; i < longer.length(); i++) {
                if ((longer.substring(0, i) + longer.substring(i + 1)).equals(shorter)) {
                    return 2;
                }
            }
        }
        return 0;
    }

    /** A name match: edit distance, similarity and the rank of the name (official or alias). */
    private record NameScore(District district, int distance, double similarity, int rank) {

        static final Comparator<NameScore> ORDER = Comparator.comparingInt(NameScore::distance)
                .thenComparing(Comparator.comparingDouble(NameScore::similarity).reversed())
                .thenComparingInt(NameScore::rank)
                .thenComparing(s -> s.district().name());

        static NameScore better(NameScore a, NameScore b) {
            return ORDER.compare(a, b) <= 0 ? a : b;
        }
    }

    private List<District> byName(String input) {
        String key = DistrictDirectory.nameKey(input);
        if (key.codePointCount(0, key.length()) < 3) {
            return List.of();
        }
        List<Candidate> exact = byKey.get(key);
        if (exact != null) {
            return Candidates.districts(exact);
        }
        int length = key.length();
        int threshold = length <= 4 ? 1 : length <= 7 ? 2 : 3;
        LevenshteinDistance levenshtein = new LevenshteinDistance(threshold);
        Map<String, NameScore> best = new LinkedHashMap<>();
        for (Map.Entry<String, List<Candidate>> e : byKey.entrySet()) {
            String name = e.getKey();
            int distance = levenshtein.apply(key, name);
            boolean partial = (length >= 4 && name.startsWith(key)) || (length >= 5 && name.contains(key));
            if (partial) {
                distance = distance < 0 ? 1 : Math.min(distance, 1);
            } else if (distance < 0) {
                continue;
            }
            double similarity = JARO_WINKLER.apply(key, name);
            for (Candidate c : e.getValue()) {
                best.merge(c.district().code(), new NameScore(c.district(), distance, similarity, c.rank()),
                        NameScore::better);
            }
        }
        List<NameScore> list = new ArrayList<>(best.values());
        list.sort(NameScore.ORDER);
        return list.stream().map(NameScore::district).toList();
    }
}
