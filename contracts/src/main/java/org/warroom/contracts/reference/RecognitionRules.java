package org.warroom.contracts.reference;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;

/**
 * The word lists that keep district recognition from firing on ordinary words. Loaded from
 * {@code reference/recognition-rules.properties}; every entry is compared by its
 * {@link NameNormalizer#key} so spelling variants of an entry count too.
 *
 * @param weakNames       single-word names that are also common words or first names ("gaya" =
 *                        "went", "sagar", "mandi" = market): they count only next to a cue
 * @param cueBefore       words that, right before a weak name, make it a place ("in", "जिला")
 * @param cueAfter        words that, right after a weak name, make it a place ("mein", "में", "district")
 * @param blockBefore     words that, right before a weak name, make it a verb or word ("chala gaya", "हो गया")
 * @param shortStateHints state abbreviations of two letters still used as hints in text ("mp", "up");
 *                        other abbreviations that short ("ka", "as", "or") are ordinary words
 */
public record RecognitionRules(Set<String> weakNames, Set<String> cueBefore, Set<String> cueAfter,
                               Set<String> blockBefore, Set<String> shortStateHints) {

    static final String RESOURCE = "/reference/recognition-rules.properties";

    public RecognitionRules {
        weakNames = keys(weakNames);
        cueBefore = keys(cueBefore);
        cueAfter = keys(cueAfter);
        blockBefore = keys(blockBefore);
        shortStateHints = keys(shortStateHints);
    }

    /** The shipped rules. */
    public static RecognitionRules load() {
        try (Reader reader = ReferenceCsv.resource(RESOURCE)) {
            return read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rules from properties with keys weak, cueBefore, cueAfter, blockBefore, shortStateHints ({@code |}-separated). */
    public static RecognitionRules read(Reader reader) throws IOException {
        Properties p = new Properties();
        p.load(reader);
        return new RecognitionRules(list(p, "weak"), list(p, "cueBefore"), list(p, "cueAfter"),
                list(p, "blockBefore"), list(p, "shortStateHints"));
    }

    private static Set<String> list(Properties p, String key) {
        Set<String> out = new HashSet<>();
        for (String s : p.getProperty(key, "").split("\\|")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private static Set<String> keys(Set<String> words) {
        Set<String> out = new HashSet<>();
        if (words != null) {
            for (String w : words) {
                String k = NameNormalizer.key(w);
                if (!k.isEmpty()) {
                    out.add(k);
                }
            }
        }
        return Set.copyOf(out);
    }
}
