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
        String key = PhoneticKey.of(latin);
        String stem = null;
        if (isLatinScript(word)) {
            String s = PhoneticKey.of(EnglishStem.of(latin));
            if (s.length() >= MIN_STEM && !s.equals(key)) {
                stem = s;
            }
        }
        return new WordKey(key, stem, bare(key), skeleton(key));
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
