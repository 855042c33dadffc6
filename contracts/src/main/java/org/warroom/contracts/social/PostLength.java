package org.warroom.contracts.social;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A post's length as its network counts it, so that what the war room accepts the network accepts too.
 * <ul>
 *   <li><b>X</b> (twitter-text 3 "weighted length", limit 280): the text NFC-normalised; each code point in
 *       U+0000–U+10FF (Latin, Devanagari, …), U+2000–U+200D, U+2010–U+201F or U+2032–U+2037 weighs 1, any other
 *       (CJK, …) 2; an emoji (with its modifiers and joiners) 2; every URL 23.</li>
 *   <li><b>Mastodon</b> (limit 500 by default, an instance may allow more): extended grapheme clusters (what a
 *       reader sees as one letter: "कि" is one, "क्ष" two), every URL 23.</li>
 * </ul>
 * Java's {@code \X} implements the grapheme rules Mastodon's Ruby uses (Unicode 15.0, before conjunct clusters),
 * so Devanagari is never counted shorter than Mastodon counts it.
 */
public final class PostLength {
    /** What a URL counts on both networks, however long it is. */
    public static final int URL = 23;
    public static final int X_LIMIT = 280;
    public static final int MASTODON_DEFAULT_LIMIT = 500;

    private static final Pattern LINK = Pattern.compile("https?://[^\\s]+");
    private static final Pattern GRAPHEME = Pattern.compile("\\X");

    private PostLength() {
    }

    public static int count(Network network, String text) {
        return network == Network.X ? x(text) : mastodon(text);
    }

    /** X's weighted length. */
    public static int x(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        Matcher links = LINK.matcher(nfc);
        int length = 0;
        int from = 0;
        while (links.find()) {
            length += xWeight(nfc.substring(from, links.start())) + URL;
            from = links.end();
        }
        return length + xWeight(nfc.substring(from));
    }

    /** Mastodon's length. */
    public static int mastodon(String text) {
        Matcher links = LINK.matcher(text);
        int length = 0;
        int from = 0;
        while (links.find()) {
            length += graphemes(text.substring(from, links.start())) + URL;
            from = links.end();
        }
        return length + graphemes(text.substring(from));
    }

    private static int graphemes(String text) {
        Matcher m = GRAPHEME.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static int xWeight(String text) {
        Matcher cluster = GRAPHEME.matcher(text);
        int weight = 0;
        while (cluster.find()) {
            String g = cluster.group();
            if (g.codePoints().anyMatch(PostLength::isEmoji)) {
                weight += 2;
            } else {
                weight += g.codePoints().map(PostLength::xWeight).sum();
            }
        }
        return weight;
    }

    private static int xWeight(int cp) {
        boolean light = cp <= 0x10FF || (cp >= 0x2000 && cp <= 0x200D) || (cp >= 0x2010 && cp <= 0x201F)
                || (cp >= 0x2032 && cp <= 0x2037);
        return light ? 1 : 2;
    }

    private static boolean isEmoji(int cp) {
        return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF);
    }
}
