package org.warroom.contracts.complaint;

import java.util.regex.Pattern;

/**
 * Checks free text and phone numbers typed into complaints: a length limit per field, no control characters
 * (line breaks and tabs are fine), no unpaired surrogates, no bidirectional overrides (they can disguise a text on
 * screen). Markup is kept as typed: every screen escapes it. A refusal names the field ({@link InvalidField}).
 */
public final class ComplaintText {
    public static final int MAX_TEXT = 2000;
    public static final int MAX_NAME = 100;
    public static final int MAX_DEPARTMENT = 64;
    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{7,14}");

    private ComplaintText() {
    }

    /** The text stripped, or null when absent or blank and not {@code required}. */
    public static String check(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidField(field, "is required");
            }
            return null;
        }
        if (value.length() > max) {
            throw new InvalidField(field, "must be at most " + max + " characters (it has " + value.length() + ")");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                throw new InvalidField(field, "must not contain control characters (U+"
                        + String.format("%04X", (int) c) + " at " + i + ")");
            }
            if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                throw new InvalidField(field, "must not contain bidirectional override characters (at " + i + ")");
            }
            if (Character.isHighSurrogate(c) ? i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(++i))
                    : Character.isLowSurrogate(c)) {
                throw new InvalidField(field, "is not valid Unicode text (unpaired surrogate at " + i + ")");
            }
        }
        return value.strip();
    }

    /**
     * A phone number in international form: spaces, dashes, dots and brackets dropped; a 10-digit Indian mobile
     * number (or with a leading 0 or 91) gets {@code +91}.
     */
    public static String phone(String field, String value) {
        String raw = check(field, value, 32, true);
        String p = raw.replaceAll("[\\s().-]", "");
        if (p.matches("[6-9][0-9]{9}")) {
            p = "+91" + p;
        } else if (p.matches("0[6-9][0-9]{9}")) {
            p = "+91" + p.substring(1);
        } else if (p.matches("91[6-9][0-9]{9}")) {
            p = "+" + p;
        }
        if (!PHONE.matcher(p).matches()) {
            throw new InvalidField(field, "is not a phone number: use 10 digits (9876543210) or the international form (+919876543210)");
        }
        return p;
    }

    /** {@code hi} when most letters are Devanagari, else {@code en}. */
    public static String language(String text) {
        long devanagari = text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.DEVANAGARI).count();
        long letters = text.codePoints().filter(Character::isLetter).count();
        return letters > 0 && devanagari * 2 >= letters ? "hi" : "en";
    }

    /** A phone number for people who may not see it: {@code +91******1234}. */
    public static String maskPhone(String phone) {
        if (phone == null) {
            return null;
        }
        int keep = Math.min(4, phone.length());
        String head = phone.startsWith("+91") ? "+91" : phone.startsWith("+") ? "+" : "";
        return head + "*".repeat(Math.max(0, phone.length() - head.length() - keep)) + phone.substring(phone.length() - keep);
    }
}
