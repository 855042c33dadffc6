package org.warroom.contracts.reference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.warroom.contracts.reference.Candidates.Candidate;
import org.warroom.contracts.reference.Recognition.Confidence;

/**
 * Finds the district a free text (Hindi, English or Hinglish) is about: "Bhopal mein ration nahi
 * mil raha", "भोपाल में राशन नहीं मिल रहा", "no water in east nimar since 2 days".
 *
 * <p>Names match whole tokens only ("Dhar" is not found in "Dharmendra"), after
 * {@link NameNormalizer normalisation} (NFC, zero-width characters, case, common spelling
 * variants). The longest name wins ("East Champaran" over a shorter name inside it). Names
 * that are also common words (see {@link RecognitionRules}) need a cue next to them. A name of
 * districts in several states ("Aurangabad") is resolved by preferred states, then by a state
 * named in the text ("Aurangabad, Bihar"), else it is left unresolved.
 *
 * <p>All names are indexed once by their first token; recognising a message is one pass over
 * its tokens with a hash lookup per token. Immutable and thread-safe.
 */
public final class DistrictRecognizer {

    /** A name as a token sequence, with the districts and states it names. */
    private static final class Phrase {
        final String[] tokens;
        final List<Candidate> districts = new ArrayList<>();
        final Set<String> states = new LinkedHashSet<>();
        boolean weak;

        Phrase(String[] tokens) {
            this.tokens = tokens;
        }
    }

    /** A phrase found at token {@code index} spanning {@code length} tokens. */
    private record Hit(Phrase phrase, int index, int length) {
    }

    /** A resolved district mention, with what ranks it against the others. */
    private record Resolved(District district, Hit hit, Confidence confidence, boolean preferred) {
    }

    private static final Comparator<Resolved> BEST_FIRST = Comparator
            .comparingInt((Resolved r) -> r.confidence().ordinal())
            .thenComparing(r -> !r.preferred())
            .thenComparing(r -> -r.hit().length())
            .thenComparingInt(r -> r.hit().index());

    private final Map<String, Phrase[]> byFirstToken;
    private final RecognitionRules rules;

    /** A recogniser over these districts and states with these rules. */
    public DistrictRecognizer(DistrictDirectory districts, StateDirectory states, RecognitionRules rules) {
        this.rules = rules;
        Map<String, Phrase> phrases = new HashMap<>();
        for (District d : districts.all()) {
            addDistrictName(phrases, d.name(), d, Candidates.OFFICIAL);
            addDistrictName(phrases, d.nameHi(), d, Candidates.OFFICIAL);
            for (String alias : d.aliases()) {
                addDistrictName(phrases, alias, d, Candidates.ALIAS);
            }
        }
        for (State s : states.all()) {
            addStateName(phrases, s.name(), s.code());
            addStateName(phrases, s.nameHi(), s.code());
            for (String alias : s.aliases()) {
                addStateName(phrases, alias, s.code());
            }
        }
        Map<String, List<Phrase>> grouped = new HashMap<>();
        for (Phrase p : phrases.values()) {
            p.weak = p.tokens.length == 1 && !p.districts.isEmpty() && rules.weakNames().contains(p.tokens[0]);
            grouped.computeIfAbsent(p.tokens[0], k -> new ArrayList<>()).add(p);
        }
        Map<String, Phrase[]> index = new HashMap<>();
        grouped.forEach((first, list) -> {
            list.sort(Comparator.comparingInt((Phrase p) -> -p.tokens.length));
            index.put(first, list.toArray(new Phrase[0]));
        });
        this.byFirstToken = Map.copyOf(index);
    }

    /** A recogniser over these districts and states with the shipped rules. */
    public DistrictRecognizer(DistrictDirectory districts, StateDirectory states) {
        this(districts, states, RecognitionRules.load());
    }

    /** A recogniser over the shipped tables and rules. */
    public static DistrictRecognizer load() {
        return new DistrictRecognizer(DistrictDirectory.load(), StateDirectory.load(), RecognitionRules.load());
    }

    /** The district the text is about, if one can be told. */
    public Optional<Recognition> recognize(String text) {
        return recognize(text, List.of());
    }

    /**
     * The district the text is about; among districts of the same name, and among several
     * districts named, those in {@code preferredStateCodes} (LGD codes, most preferred first) win.
     */
    public Optional<Recognition> recognize(String text, Collection<String> preferredStateCodes) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        TextTokens tokens = TextTokens.of(text);
        List<Hit> hits = scan(tokens);
        List<String> preferred = new ArrayList<>();
        for (String code : preferredStateCodes) {
            String c = ReferenceCsv.canonicalCode(code);
            if (c != null) {
                preferred.add(c);
            }
        }
        List<String> hints = new ArrayList<>(preferred);
        for (Hit h : hits) {
            if (h.phrase().districts.isEmpty()) {
                hints.addAll(h.phrase().states);
            }
        }
        List<Resolved> resolved = new ArrayList<>();
        for (int i = 0; i < hits.size(); i++) {
            Hit h = hits.get(i);
            if (h.phrase().districts.isEmpty() || !accepted(tokens, hits, i)) {
                continue;
            }
            List<Candidate> candidates = h.phrase().districts;
            Optional<Candidates.Pick> pick = Candidates.pick(candidates, hints);
            if (pick.isEmpty()) {
                continue;
            }
            District d = pick.get().district();
            Confidence confidence = h.phrase().weak ? Confidence.LOW
                    : candidates.size() == 1 ? Confidence.HIGH : Confidence.MEDIUM;
            resolved.add(new Resolved(d, h, confidence, preferred.contains(d.stateCode())));
        }
        if (resolved.isEmpty()) {
            return Optional.empty();
        }
        resolved.sort(BEST_FIRST);
        Resolved best = resolved.get(0);
        Confidence confidence = best.confidence();
        if (confidence == Confidence.HIGH) {
            for (Resolved r : resolved) {
                if (r.confidence() == Confidence.HIGH && !r.district().code().equals(best.district().code())) {
                    confidence = Confidence.MEDIUM;
                    break;
                }
            }
        }
        int start = tokens.starts[best.hit().index()];
        int end = closeBracket(text, start, tokens.ends[best.hit().index() + best.hit().length() - 1]);
        return Optional.of(new Recognition(best.district(), text.substring(start, end), start, end, confidence));
    }

    /** Every place in the text that names districts, in text order (ambiguous ones with all candidates). */
    public List<Mention> mentions(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        TextTokens tokens = TextTokens.of(text);
        List<Hit> hits = scan(tokens);
        List<Mention> out = new ArrayList<>();
        for (int i = 0; i < hits.size(); i++) {
            Hit h = hits.get(i);
            if (h.phrase().districts.isEmpty() || !accepted(tokens, hits, i)) {
                continue;
            }
            int start = tokens.starts[h.index()];
            int end = closeBracket(text, start, tokens.ends[h.index() + h.length() - 1]);
            out.add(new Mention(text.substring(start, end), start, end,
                    Candidates.districts(h.phrase().districts), h.phrase().weak));
        }
        return out;
    }

    /** Takes in the ")" right after a match that opened a bracket: "Kaimur (Bhabua)". */
    private static int closeBracket(String text, int start, int end) {
        if (end < text.length() && text.charAt(end) == ')' && text.lastIndexOf('(', end) >= start) {
            return end + 1;
        }
        return end;
    }

    /** The longest phrase at each position, left to right, without overlaps. */
    private List<Hit> scan(TextTokens t) {
        List<Hit> hits = new ArrayList<>();
        int i = 0;
        while (i < t.size) {
            Phrase[] phrases = byFirstToken.get(t.keys[i]);
            Phrase found = null;
            if (phrases != null) {
                for (Phrase p : phrases) {
                    if (matches(t, i, p.tokens)) {
                        found = p;
                        break;
                    }
                }
            }
            if (found == null) {
                i++;
            } else {
                hits.add(new Hit(found, i, found.tokens.length));
                i += found.tokens.length;
            }
        }
        return hits;
    }

    private static boolean matches(TextTokens t, int at, String[] phrase) {
        if (at + phrase.length > t.size) {
            return false;
        }
        for (int k = 1; k < phrase.length; k++) {
            if (!phrase[k].equals(t.keys[at + k])) {
                return false;
            }
        }
        return true;
    }

    /** Whether a district hit counts: always, unless its name is weak and has no cue next to it. */
    private boolean accepted(TextTokens t, List<Hit> hits, int hitIndex) {
        Hit h = hits.get(hitIndex);
        if (!h.phrase().weak) {
            return true;
        }
        int i = h.index();
        int after = i + h.length();
        if (i == 0 && after == t.size) {
            return true; // the whole message is the name
        }
        boolean joinedBefore = i > 0 && !t.breakBefore[i];
        if (joinedBefore && rules.blockBefore().contains(t.keys[i - 1])) {
            return false;
        }
        if (joinedBefore && rules.cueBefore().contains(t.keys[i - 1])) {
            return true;
        }
        if (after < t.size && !t.breakBefore[after] && rules.cueAfter().contains(t.keys[after])) {
            return true;
        }
        if (hitIndex + 1 < hits.size()) {
            Hit next = hits.get(hitIndex + 1);
            if (next.index() == after && next.phrase().districts.isEmpty()) {
                for (Candidate c : h.phrase().districts) {
                    if (next.phrase().states.contains(c.district().stateCode())) {
                        return true; // "Gaya, Bihar", "Sagar MP"
                    }
                }
            }
        }
        return false;
    }

    private static void addDistrictName(Map<String, Phrase> phrases, String name, District d, int rank) {
        for (String[] tokens : forms(name)) {
            String joined = String.join("", tokens);
            boolean latin = joined.chars().allMatch(c -> c < 128);
            if (joined.length() >= (latin ? 3 : 2)) {
                Candidates.add(phrase(phrases, tokens).districts, d, rank);
            }
        }
    }

    private void addStateName(Map<String, Phrase> phrases, String name, String stateCode) {
        for (String[] tokens : forms(name)) {
            String joined = String.join("", tokens);
            if (joined.codePointCount(0, joined.length()) >= 3 || rules.shortStateHints().contains(joined)) {
                phrase(phrases, tokens).states.add(stateCode);
            }
        }
    }

    /** The token sequence of a name, plus its words run together ("East Nimar" and "EastNimar"). */
    private static List<String[]> forms(String name) {
        if (name == null || name.isBlank()) {
            return List.of();
        }
        List<String> keys = NameNormalizer.tokenKeys(name);
        if (keys.isEmpty()) {
            return List.of();
        }
        List<String[]> forms = new ArrayList<>(2);
        forms.add(keys.toArray(new String[0]));
        if (keys.size() > 1) {
            forms.add(new String[] {String.join("", keys)});
        }
        return forms;
    }

    private static Phrase phrase(Map<String, Phrase> phrases, String[] tokens) {
        return phrases.computeIfAbsent(String.join(" ", tokens), k -> new Phrase(Arrays.copyOf(tokens, tokens.length)));
    }
}
