package org.warroom.contracts.reference;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns place names and free text into comparable keys, so that spelling noise does not matter.
 *
 * <p>A text is split into tokens (runs of letters, digits and combining marks; a change between
 * Latin and an Indic script also splits). Each token's key is: NFC, zero-width characters
 * (U+200B..U+200D, U+2060, U+FEFF, soft hyphen) removed, lower case; Latin accents removed and
 * doubled Latin letters collapsed ("Muzzaffarpur" = "Muzaffarpur", "Bhopaal" = "Bhopal");
 * Devanagari nukta removed, candrabindu as anusvara, a nasal consonant with virama before a
 * consonant as anusvara ("भिण्ड" = "भिंड"), long ई/ऊ as short and ळ as ल, so common
 * spelling variants meet.
 */
public final class NameNormalizer {

    private NameNormalizer() {
    }

    /** Whether {@code c} is invisible formatting that must not split or change a word. */
    public static boolean isIgnorable(char c) {
        return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\uFEFF' || c == '\u2060'
                || c == '\u00AD';
    }

    /** Whether {@code c} belongs to a token (letter, digit, combining mark or ignorable). */
    static boolean isTokenChar(char c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        if (isIgnorable(c)) {
            return true;
        }
        if (Character.isLetterOrDigit(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** 0 for marks and ignorables (they never split), 1 for Latin, 2 for any other script. */
    static int scriptClass(char c) {
        if (c < 128) {
            return 1;
        }
        if (isIgnorable(c)) {
            return 0;
        }
        int type = Character.getType(c);
        if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK) {
            return 0;
        }
        return c < 0x0250 ? 1 : 2;
    }

    /** The keys of the tokens of {@code text}, in order. */
    public static List<String> tokenKeys(String text) {
        List<String> keys = new ArrayList<>();
        if (text == null) {
            return keys;
        }
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && !isTokenChar(text.charAt(i))) {
                i++;
            }
            int start = i;
            i = tokenEnd(text, i);
            if (i > start) {
                String key = tokenKey(text, start, i);
                if (!key.isEmpty()) {
                    keys.add(key);
                }
            }
        }
        return keys;
    }

    /** A space-, case- and punctuation-insensitive key for a whole name ("Agar-Malwa" = "agar malwa"). */
    public static String key(String name) {
        return String.join("", tokenKeys(name));
    }

    /** The end (exclusive) of the token starting at {@code start}. */
    static int tokenEnd(CharSequence text, int start) {
        int n = text.length();
        int i = start;
        int script = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (!isTokenChar(c)) {
                break;
            }
            int cls = scriptClass(c);
            if (cls != 0) {
                if (script != 0 && cls != script) {
                    break;
                }
                script = cls;
            }
            i++;
        }
        return i;
    }

    /** The key of the token {@code text[start, end)}. */
    public static String tokenKey(CharSequence text, int start, int end) {
        StringBuilder sb = new StringBuilder(end - start);
        boolean ascii = true;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (isIgnorable(c)) {
                continue;
            }
            if (c < 128) {
                sb.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
            } else {
                ascii = false;
                sb.append(c);
            }
        }
        if (!ascii) {
            return collapseLatinDoubles(foldNonAscii(sb.toString()));
        }
        return collapseLatinDoubles(sb);
    }

    private static String foldNonAscii(String token) {
        String d = onlyAsciiAndDevanagari(token) ? decomposeNukta(token)
                : Normalizer.normalize(token, Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(d.length());
        int n = d.length();
        for (int i = 0; i < n; i++) {
            char c = d.charAt(i);
            if (c >= 0x0300 && c <= 0x036F) {
                continue; // Latin accents
            }
            switch (c) {
                case '\u093C' -> { // nukta
                    continue;
                }
                case '\u0901' -> c = '\u0902'; // candrabindu -> anusvara
                case '\u0940' -> c = '\u093F'; // ी -> ि
                case '\u0942' -> c = '\u0941'; // ू -> ु
                case '\u0908' -> c = '\u0907'; // ई -> इ
                case '\u090A' -> c = '\u0909'; // ऊ -> उ
                case '\u0933' -> c = '\u0932'; // ळ -> ल
                default -> {
                }
            }
            if (isDevanagariNasal(c) && i + 2 < n && d.charAt(i + 1) == '\u094D'
                    && isDevanagariConsonant(d.charAt(i + 2))) {
                sb.append('\u0902');
                i++; // skip the virama
                continue;
            }
            sb.append(Character.toLowerCase(c));
        }
        return onlyAsciiAndDevanagari(token) ? sb.toString() : Normalizer.normalize(sb, Normalizer.Form.NFC);
    }

    private static boolean onlyAsciiAndDevanagari(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 128 && (c < '\u0900' || c > '\u097F')) {
                return false;
            }
        }
        return true;
    }

    /**
     * NFD for Devanagari without the general normaliser: the only decompositions in the block
     * are the precomposed nukta letters (ऩ ऱ ऴ क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़); their nukta is dropped
     * later anyway, so the base letter alone is written.
     */
    private static String decomposeNukta(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char base = switch (c) {
                case '\u0929' -> '\u0928';
                case '\u0931' -> '\u0930';
                case '\u0934' -> '\u0933';
                case '\u0958' -> '\u0915';
                case '\u0959' -> '\u0916';
                case '\u095A' -> '\u0917';
                case '\u095B' -> '\u091C';
                case '\u095C' -> '\u0921';
                case '\u095D' -> '\u0922';
                case '\u095E' -> '\u092B';
                case '\u095F' -> '\u092F';
                default -> c;
            };
            if (base != c && sb == null) {
                sb = new StringBuilder(s.length());
                sb.append(s, 0, i);
            }
            if (sb != null) {
                sb.append(base);
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static boolean isDevanagariNasal(char c) {
        return c == '\u0919' || c == '\u091E' || c == '\u0923' || c == '\u0928' || c == '\u092E';
    }

    private static boolean isDevanagariConsonant(char c) {
        return c >= '\u0915' && c <= '\u0939';
    }

    private static String collapseLatinDoubles(CharSequence s) {
        int n = s.length();
        StringBuilder sb = null;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean dup = i > 0 && c == s.charAt(i - 1) && c >= 'a' && c <= 'z';
            if (dup && sb == null) {
                sb = new StringBuilder(n);
                sb.append(s, 0, i);
            }
            if (sb != null && !dup) {
                sb.append(c);
            }
        }
        return sb == null ? s.toString() : sb.toString();
    }
}
