package org.warroom.dashboard.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.warroom.elastic.text.TextKeys;
import org.warroom.elastic.text.WordKey;
import org.warroom.elastic.text.Words;

/**
 * Marks the words of a text that a query matched, the way the search matched them (same key in any script or
 * spelling, English stem, one typing error, a {@code prefix*}): HTML-escaped fragments of at most about
 * {@value #FRAGMENT} characters with the matched words in {@code <mark>...</mark>}, at most {@value #FRAGMENTS} of
 * them. Done here rather than by Elasticsearch, which only sees the keys of the other script, not the words.
 */
final class Highlighter {
    static final int FRAGMENT = 160;
    static final int FRAGMENTS = 3;

    private Highlighter() {
    }

    static List<String> fragments(String text, FoldedQuery query) {
        if (text == null || (query.wanted().isEmpty() && query.prefixes().isEmpty())) {
            return List.of();
        }
        List<Words.Span> marked = new ArrayList<>();
        for (Words.Span w : Words.of(text)) {
            if (matches(w.word(), query)) {
                marked.add(w);
            }
        }
        List<String> out = new ArrayList<>();
        int from = 0;
        int i = 0;
        while (i < marked.size() && out.size() < FRAGMENTS) {
            Words.Span first = marked.get(i);
            int start = Math.max(from, wordStart(text, first.start() - FRAGMENT / 3));
            int end = wordEnd(text, Math.min(text.length(), start + FRAGMENT));
            end = Math.max(end, first.end());
            StringBuilder f = new StringBuilder();
            int at = start;
            while (i < marked.size() && marked.get(i).end() <= end) {
                Words.Span m = marked.get(i);
                f.append(escape(text.substring(at, m.start()))).append("<mark>")
                        .append(escape(m.word())).append("</mark>");
                at = m.end();
                i++;
            }
            f.append(escape(text.substring(at, end)));
            out.add(f.toString().strip());
            from = end;
        }
        return out;
    }

    private static boolean matches(String word, FoldedQuery query) {
        String lower = word.toLowerCase(Locale.ROOT);
        for (String p : query.prefixes()) {
            if (lower.startsWith(p)) {
                return true;
            }
        }
        if (query.wanted().isEmpty()) {
            return false;
        }
        WordKey key = TextKeys.of(word);
        return query.wanted().stream().anyMatch(q -> q.matches(key));
    }

    private static int wordStart(String text, int i) {
        if (i <= 0) {
            return 0;
        }
        int j = i;
        while (j > 0 && !Character.isWhitespace(text.charAt(j - 1))) {
            j--;
        }
        return j;
    }

    private static int wordEnd(String text, int i) {
        int j = i;
        while (j < text.length() && !Character.isWhitespace(text.charAt(j))) {
            j++;
        }
        return j;
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
