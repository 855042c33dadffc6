package org.warroom.elastic.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The search keys of one word: its key and the other forms it is also found by.
 *
 * @param key      its {@link PhoneticKey phonetic key} ({@code doodh}, {@code dudh}, {@code दूध} → {@code dud})
 * @param stem     the key of its English stem when the word was typed in Latin letters and stemming changes the
 *                 key ({@code medicines} → {@code medicin}); null otherwise
 * @param bare     the key without a final nasal {@code n} after a vowel, which people often leave out or add
 *                 ({@code नहीं}/{@code nahin} → {@code nahi}, {@code hain} → {@code hai}); null when there is none
 * @param skeleton the key without the {@code a}s after its first letter, which Latin spellings of Hindi drop or
 *                 keep at will ({@code मजदूर} as ICU writes it, {@code majadur}, and {@code majdoor} → {@code mjdur});
 *                 null when that leaves fewer than three letters or changes nothing
 */
public record WordKey(String key, String stem, String bare, String skeleton) {

    /** Keys of at least this many letters also match within {@link #EDITS} typing error. */
    public static final int FUZZY_FROM = 5;
    public static final int EDITS = 1;

    /** The key and every other form, each once. */
    public List<String> forms() {
        List<String> out = new ArrayList<>(4);
        for (String f : new String[] {key, stem, bare, skeleton}) {
            if (f != null && !f.isEmpty() && !out.contains(f)) {
                out.add(f);
            }
        }
        return out;
    }

    /** How many typing errors a query word with this key may carry and still match: 1 from five letters, else 0. */
    public int edits() {
        return key.length() >= FUZZY_FROM ? EDITS : 0;
    }

    /**
     * Whether a text word with keys {@code other} is what this query word looks for: a form in common, or (from five
     * letters) the key one typing error from one of its forms. The same rule as the search's query on the keys.
     */
    public boolean matches(WordKey other) {
        if (key.isEmpty()) {
            return false;
        }
        List<String> theirs = other.forms();
        for (String f : forms()) {
            if (theirs.contains(f)) {
                return true;
            }
        }
        return edits() > 0 && theirs.stream().anyMatch(t -> t.length() > 1 && t.charAt(0) == key.charAt(0)
                && OneEdit.within(key, t));
    }
}
