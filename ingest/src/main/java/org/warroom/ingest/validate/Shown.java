package org.warroom.ingest.validate;

/** A wrong value as quoted back in an error: short, and without characters that could confuse a terminal or page. */
public final class Shown {
    private static final int MAX = 40;

    private Shown() {
    }

    public static String of(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(MAX).forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
        return value.codePointCount(0, value.length()) > MAX ? out + "…" : out.toString();
    }
}
