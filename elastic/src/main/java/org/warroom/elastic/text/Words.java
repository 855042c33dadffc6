package org.warroom.elastic.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a text into words: runs of letters, combining marks (Hindi matras) and digits, with their places. */
public final class Words {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}\\u200C\\u200D]+");

    private Words() {
    }

    /** One word of a text: {@code text.substring(start, end)}. */
    public record Span(String word, int start, int end) {
    }

    public static List<Span> of(String text) {
        List<Span> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            out.add(new Span(m.group(), m.start(), m.end()));
        }
        return out;
    }
}
