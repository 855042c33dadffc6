package org.warroom.elastic.text;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The search keys of texts and words: what the indexer writes in {@link #FIELD} beside a message's text or a ticket's
 * note, and what the dashboard looks up for the words of a query. Thread-safe.
 */
public final class TextKeys {
    /** The document field with the keys of the text, space-separated (mapped as text, standard analyser). */
    public static final String FIELD = "textKeys";
    /** Stems shorter than this are not used (they would match unrelated words). */
    private static final int MIN_STEM = 3;

    private TextKeys() {
    }

    /** The keys of one word. */
    public static WordKey of(String word) {
        String latin = Romaniser.latin(word);
        boolean typed = isLatinScript(word);
        String key = PhoneticKey.of(typed ? typedC(latin) : latin);
        String stem = null;
        if (typed) {
            String s = PhoneticKey.of(typedC(EnglishStem.of(latin)));
            if (s.length() >= MIN_STEM && !s.equals(key)) {
                stem = s;
            }
        }
        return new WordKey(key, stem, bare(key), skeleton(key));
    }

    /**
     * A {@code c} typed in Latin letters without an {@code h} after it sounds {@code k} or, before {@code e},
     * {@code i}, {@code y}, {@code s} ({@code card} as {@code कार्ड}, {@code centre}); {@code ch} stays, as ICU writes
     * {@code च} as {@code c}.
     */
    private static String typedC(String latin) {
        StringBuilder out = new StringBuilder(latin.length());
        int i = 0;
        while (i < latin.length()) {
            char c = latin.charAt(i);
            if (c != 'c') {
                out.append(c);
                i++;
                continue;
            }
            int end = i;
            while (end < latin.length() && latin.charAt(end) == 'c') {
                end++;
            }
            char next = end < latin.length() ? latin.charAt(end) : ' ';
            char sound = next == 'h' ? 'c' : "eiy".indexOf(next) >= 0 ? 's' : 'k';
            out.append(String.valueOf(sound).repeat(end - i));
            i = end;
        }
        return out.toString();
    }

    private static String bare(String key) {
        int n = key.length();
        if (n >= 4 && key.charAt(n - 1) == 'n' && "aeiou".indexOf(key.charAt(n - 2)) >= 0) {
            return key.substring(0, n - 1);
        }
        return null;
    }

    private static String skeleton(String key) {
        if (key.length() < 2) {
            return null;
        }
        String s = key.charAt(0) + key.substring(1).replace("a", "");
        return s.length() >= MIN_STEM && !s.equals(key) ? s : null;
    }

    /** The keys of every word of a text (all their {@link WordKey#forms() forms}), each once, space-separated; null for a null text. */
    public static String ofText(String text) {
        if (text == null) {
            return null;
        }
        Set<String> keys = new LinkedHashSet<>();
        for (Words.Span w : Words.of(text)) {
            keys.addAll(of(w.word()).forms());
        }
        return String.join(" ", keys);
    }

    /** The keys of the words of a text, in order. */
    public static List<WordKey> ofWords(String text) {
        return Words.of(text).stream().map(w -> of(w.word())).toList();
    }

    private static boolean isLatinScript(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLetter(c) && Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN) {
                return false;
            }
        }
        return true;
    }
}
