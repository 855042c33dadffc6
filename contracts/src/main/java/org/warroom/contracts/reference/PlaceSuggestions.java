package org.warroom.contracts.reference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Districts a message with no recognised district may be about, for the operator who places it (triage): first the
 * districts its words name but the recogniser would not decide on (a name of several districts, a common word with
 * no cue), then districts whose names are near a word of the message ("bhpoal" → Bhopal). Each suggestion carries
 * the words as written, which become the proposed alias when the operator picks it. Immutable, thread-safe.
 */
public final class PlaceSuggestions {
    /** Words shorter than this are not matched by nearness (too many short words are near some district). */
    static final int MIN_NEAR_LETTERS = 5;

    private final DistrictDirectory districts;
    private final DistrictRecognizer recognizer;

    /**
     * A district suggested for a text.
     *
     * @param spelling the words of the text that led to it, as written
     * @param named    true when the words are a name of the district, false when they are only near one
     */
    public record Suggestion(District district, String spelling, boolean named) {
    }

    public PlaceSuggestions(DistrictDirectory districts, StateDirectory states) {
        this.districts = districts;
        this.recognizer = new DistrictRecognizer(districts, states);
    }

    /** Up to {@code max} suggestions, best first, one per district. */
    public List<Suggestion> suggest(String text, int max) {
        Map<String, Suggestion> out = new LinkedHashMap<>();
        if (text == null || text.isBlank() || max <= 0) {
            return List.of();
        }
        recognizer.recognize(text).ifPresent(r ->
                out.putIfAbsent(r.district().code(), new Suggestion(r.district(), r.matchedText(), true)));
        for (Mention m : recognizer.mentions(text)) {
            for (District d : m.candidates()) {
                out.putIfAbsent(d.code(), new Suggestion(d, m.matchedText(), true));
            }
        }
        TextTokens tokens = TextTokens.of(text);
        List<Suggestion> near = new ArrayList<>();
        for (int i = 0; i < tokens.size; i++) {
            if (tokens.keys[i].codePointCount(0, tokens.keys[i].length()) < MIN_NEAR_LETTERS) {
                continue;
            }
            String word = text.substring(tokens.starts[i], tokens.ends[i]);
            for (District d : districts.suggestDistricts(word, 2)) {
                near.add(new Suggestion(d, word, false));
            }
        }
        for (Suggestion s : near) {
            out.putIfAbsent(s.district().code(), s);
        }
        return out.values().stream().limit(max).toList();
    }

    /** Whether {@code words} occur in {@code text} as whole words (compared as district names are: case, spelling). */
    public static boolean containsWords(String text, String words) {
        if (text == null || words == null) {
            return false;
        }
        TextTokens t = TextTokens.of(text);
        TextTokens w = TextTokens.of(words);
        if (w.size == 0) {
            return false;
        }
        for (int i = 0; i + w.size <= t.size; i++) {
            boolean all = true;
            for (int k = 0; k < w.size && all; k++) {
                all = t.keys[i + k].equals(w.keys[k]);
            }
            if (all) {
                return true;
            }
        }
        return false;
    }
}
