package org.warroom.contracts.reference;

import java.util.Arrays;

/**
 * A text split into tokens: each token's {@link NameNormalizer#tokenKey key}, its offsets in the
 * original text, and whether punctuation (a comma, full stop, danda...) separates it from the
 * token before.
 */
final class TextTokens {

    final String text;
    String[] keys;
    int[] starts;
    int[] ends;
    boolean[] breakBefore;
    int size;

    private TextTokens(String text, int capacity) {
        this.text = text;
        this.keys = new String[capacity];
        this.starts = new int[capacity];
        this.ends = new int[capacity];
        this.breakBefore = new boolean[capacity];
    }

    static TextTokens of(String text) {
        int n = text.length();
        TextTokens t = new TextTokens(text, Math.max(4, n / 5));
        boolean sawBreak = false;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (NameNormalizer.isTokenChar(c)) {
                int end = NameNormalizer.tokenEnd(text, i);
                String key = NameNormalizer.tokenKey(text, i, end);
                if (!key.isEmpty()) {
                    t.add(key, i, end, sawBreak);
                    sawBreak = false;
                }
                i = end;
            } else {
                if (isBreak(c)) {
                    sawBreak = true;
                }
                i++;
            }
        }
        return t;
    }

    private void add(String key, int start, int end, boolean brk) {
        if (size == keys.length) {
            int cap = size * 2;
            keys = Arrays.copyOf(keys, cap);
            starts = Arrays.copyOf(starts, cap);
            ends = Arrays.copyOf(ends, cap);
            breakBefore = Arrays.copyOf(breakBefore, cap);
        }
        keys[size] = key;
        starts[size] = start;
        ends[size] = end;
        breakBefore[size] = brk;
        size++;
    }

    /** Punctuation that ends a phrase; spaces, hyphens and apostrophes do not. */
    private static boolean isBreak(char c) {
        return switch (c) {
            case ',', '.', ';', ':', '!', '?', '|', '(', ')', '[', ']', '{', '}', '"', '/', '\n', '\r',
                 '\u0964', '\u0965', '\u201C', '\u201D', '\u2026' -> true;
            default -> false;
        };
    }
}
