package org.warroom.ingest.feed;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.warroom.contracts.event.Commodity;

/**
 * Finds the commodities a citizen's text talks about, in Hindi (Devanagari), English and romanised Hindi:
 * "राशन नहीं मिला", "no drinking water", "doodh khatam". Words are matched whole, after Unicode normalisation
 * (nukta dropped, so सब्ज़ी and सब्जी are the same word) and an English plural "s".
 */
public final class CommodityRecognizer {
    private static final Map<String, Commodity> WORDS = new HashMap<>();

    static {
        words(Commodity.RATION, "ration", "rations", "rashan", "raashan", "grain", "grains", "wheat", "rice", "atta",
                "pds", "foodgrain", "foodgrains", "राशन", "अनाज", "गेहूं", "गेहूँ", "चावल", "आटा", "खाद्यान्न");
        words(Commodity.WATER, "water", "pani", "paani", "पानी", "पेयजल");
        words(Commodity.MILK, "milk", "doodh", "dudh", "दूध");
        words(Commodity.MEDICINE, "medicine", "medicines", "medical", "tablets", "dawa", "dawai", "davai", "दवा",
                "दवाई", "दवाइयां", "दवाइयाँ", "दवाइयों", "दवाओं", "दवाएं", "दवाएँ", "औषधि", "औषधियों", "मेडिसिन");
        words(Commodity.LPG, "lpg", "gas", "cylinder", "cylinders", "गैस", "सिलेंडर", "सिलिंडर", "एलपीजी");
        words(Commodity.PETROL, "petrol", "पेट्रोल");
        words(Commodity.DIESEL, "diesel", "डीजल", "डीज़ल");
        words(Commodity.VEGETABLES, "vegetable", "vegetables", "veggies", "sabzi", "sabji", "sabzee", "सब्जी", "सब्ज़ी",
                "सब्जियां", "सब्जियाँ", "सब्जियों", "सब्ज़ियों", "तरकारी");
        words(Commodity.FRUIT, "fruit", "fruits", "phal", "फल", "फलों", "फ़ल");
        words(Commodity.SANITARY, "sanitary", "sanitiser", "sanitizer", "napkin", "napkins", "pads", "soap",
                "सैनिटरी", "सेनेटरी", "सेनिटरी", "सैनिटाइजर", "सेनेटाइजर", "साबुन");
    }

    private static void words(Commodity commodity, String... words) {
        for (String w : words) {
            WORDS.put(normalise(w), commodity);
        }
    }

    /** The commodities named in {@code text}, in the order of {@link Commodity}. */
    public List<Commodity> recognise(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Set<Commodity> found = EnumSet.noneOf(Commodity.class);
        for (String token : tokens(normalise(text))) {
            Commodity c = WORDS.get(token);
            if (c == null && token.length() > 3 && token.endsWith("s")) {
                c = WORDS.get(token.substring(0, token.length() - 1));
            }
            if (c != null) {
                found.add(c);
            }
        }
        return List.copyOf(found);
    }

    static String normalise(String s) {
        // NFD splits precomposed nukta letters (ज़ = ज + ◌़); dropping the nukta makes both spellings one word.
        return Normalizer.normalize(s, Normalizer.Form.NFD).replace("\u093C", "")
                .replace("\u200C", "").replace("\u200D", "").toLowerCase(Locale.ROOT);
    }

    /** Words: runs of letters and combining marks (Devanagari vowel signs are marks, not letters). */
    static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int type = Character.getType(cp);
            boolean inWord = Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK
                    || type == Character.COMBINING_SPACING_MARK;
            if (inWord) {
                word.appendCodePoint(cp);
            } else if (word.length() > 0) {
                out.add(word.toString());
                word.setLength(0);
            }
            i += Character.charCount(cp);
        }
        if (word.length() > 0) {
            out.add(word.toString());
        }
        return out;
    }
}
