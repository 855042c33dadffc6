package org.warroom.elastic.text;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;

/**
 * Writes one word in plain lower-case ASCII Latin letters, whatever its script, with ICU's transliterators
 * ({@code Any-Latin; Latin-ASCII; Lower}): {@code दूध} → {@code dudha}, {@code Pāni} → {@code pani}. Before that a
 * Devanagari word is normalised so that spellings which read the same fold together: nukta dropped ({@code ज़} as
 * {@code ज}, {@code ड़} as {@code ड}, precomposed or not), zero-width joiners dropped, and the nasal marks anusvara
 * and candrabindu written as {@code n} ({@code नहीं} → {@code nahin}, as people type it).
 */
final class Romaniser {
    private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
    private static final String NUKTA = "\u093C";
    private static final String NASAL_AS_N = "\u0928\u094D"; // न्
    /** ICU transliterators are not safe to share between threads: one per thread. */
    private static final ThreadLocal<Transliterator> TO_LATIN =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower"));

    private Romaniser() {
    }

    static String latin(String word) {
        if (isPlainAscii(word)) {
            return word.toLowerCase(java.util.Locale.ROOT);
        }
        String w = NFD.normalize(word)
                .replace(NUKTA, "")
                .replace("\u200C", "").replace("\u200D", "")
                .replace("\u0901", NASAL_AS_N).replace("\u0902", NASAL_AS_N);
        return TO_LATIN.get().transliterate(w);
    }

    private static boolean isPlainAscii(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }
}
