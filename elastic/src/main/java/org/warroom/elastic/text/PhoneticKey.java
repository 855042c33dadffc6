package org.warroom.elastic.text;

/**
 * The key of a romanised word: the letters that survive the ways one Hindi word is spelt in Latin letters. Applied
 * in this order:
 * <ol>
 *   <li>only {@code a-z} and digits kept (ICU writes {@code दवाई} as {@code dava'i});</li>
 *   <li>{@code ee} → {@code i}, {@code oo} → {@code u}, {@code au} → {@code o} ({@code paanee}, {@code doodh},
 *       {@code इंदौर} as {@code indore});</li>
 *   <li>{@code w} → {@code v}, {@code z} → {@code j}, {@code f} → {@code ph}, {@code q} → {@code k}, {@code x} →
 *       {@code ks} (nukta letters and their plain forms; {@code dawai} and {@code davai});</li>
 *   <li>an {@code h} after a consonant dropped (aspirates and {@code sh}/{@code ch}: {@code dh} → {@code d},
 *       {@code rashan} → {@code rasan}, {@code chawal} → {@code caval} as ICU writes {@code चावल});</li>
 *   <li>a letter repeated runs once ({@code paani} → {@code pani}, {@code bachchon} → {@code bacon});</li>
 *   <li>a final {@code a} or {@code e} after a consonant dropped when three letters remain (the unspoken inherent
 *       vowel ICU writes, and English's silent e: {@code dudha} → {@code dud}, {@code dawa} → {@code dav} both ways,
 *       {@code phone} → {@code pon} as {@code फ़ोन}).</li>
 * </ol>
 * Both a document's words and a query's words go through the same steps, so the key only has to be the same for
 * spellings of one word, not be a spelling anyone writes.
 */
final class PhoneticKey {
    private static final String VOWELS = "aeiou";

    private PhoneticKey() {
    }

    static String of(String latin) {
        StringBuilder kept = new StringBuilder(latin.length());
        for (int i = 0; i < latin.length(); i++) {
            char c = latin.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                kept.append(c);
            }
        }
        String w = kept.toString().replace("ee", "i").replace("oo", "u").replace("au", "o")
                .replace('w', 'v').replace('z', 'j').replace("f", "ph").replace('q', 'k').replace("x", "ks");
        StringBuilder out = new StringBuilder(w.length());
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c == 'h' && i > 0 && isConsonant(w.charAt(i - 1))) {
                continue;
            }
            if (!out.isEmpty() && out.charAt(out.length() - 1) == c && !Character.isDigit(c)) {
                continue;
            }
            out.append(c);
        }
        int n = out.length();
        if (n > 3 && (out.charAt(n - 1) == 'a' || out.charAt(n - 1) == 'e') && isConsonant(out.charAt(n - 2))) {
            out.setLength(n - 1);
        }
        return out.toString();
    }

    private static boolean isConsonant(char c) {
        return c >= 'a' && c <= 'z' && VOWELS.indexOf(c) < 0;
    }
}
