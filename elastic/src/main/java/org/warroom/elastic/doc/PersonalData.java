package org.warroom.elastic.doc;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How personal data is masked for roles that may not see it. Documents keep the clear value in a protected field
 * ({@code phone}, {@code name}, {@code from}, {@code caller}) and the masked one beside it ({@code phoneMasked}, ...);
 * queries for a masked scope never fetch the protected fields. Free text (message bodies, ticket notes) is masked
 * on the way out: long digit runs that look like phone numbers keep only their last four digits.
 */
public final class PersonalData {
    /** Seven or more digits, possibly with spaces or dashes between them, optionally with a leading +. */
    private static final Pattern PHONE_IN_TEXT = Pattern.compile("\\+?\\d(?:[ -]?\\d){6,}");

    private PersonalData() {
    }

    /** Only digits of a phone number. */
    public static String digits(String phone) {
        return phone == null ? "" : phone.replaceAll("\\D", "");
    }

    /** All but the last four digits replaced: {@code +919812345678} → {@code ********5678}. Null stays null. */
    public static String maskPhone(String phone) {
        if (phone == null) {
            return null;
        }
        String d = digits(phone);
        if (d.length() <= 4) {
            return "*".repeat(d.length());
        }
        return "*".repeat(d.length() - 4) + d.substring(d.length() - 4);
    }

    /** The last four digits of a phone number (for suffix search), or null when it has fewer. */
    public static String last4(String phone) {
        String d = digits(phone);
        return d.length() < 4 ? null : d.substring(d.length() - 4);
    }

    /** The digits reversed, so that a suffix search is a prefix query. */
    public static String reversedDigits(String phone) {
        String d = digits(phone);
        return d.isEmpty() ? null : new StringBuilder(d).reverse().toString();
    }

    /**
     * A sender handle or caller id: a phone number is masked as a phone; anything else (a social media handle) keeps
     * its first character only.
     */
    public static String maskHandle(String handle) {
        if (handle == null) {
            return null;
        }
        String d = digits(handle);
        if (d.length() >= 7 && d.length() >= handle.replaceAll("[\\s+()-]", "").length()) {
            return maskPhone(handle);
        }
        return maskWord(handle.strip());
    }

    /** Each word reduced to its first letter followed by stars: {@code Ramesh Kumar} → {@code R***** K****}. */
    public static String maskName(String name) {
        if (name == null) {
            return null;
        }
        String[] words = name.strip().split("\\s+");
        StringBuilder out = new StringBuilder();
        for (String w : words) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(maskWord(w));
        }
        return out.toString();
    }

    /** Phone-like digit runs in free text masked to their last four digits. */
    public static String maskText(String text) {
        if (text == null) {
            return null;
        }
        return PHONE_IN_TEXT.matcher(text).replaceAll(m -> maskPhone(m.group()));
    }

    private static String maskWord(String w) {
        if (w.isEmpty()) {
            return w;
        }
        int first = w.offsetByCodePoints(0, 1);
        int rest = w.codePointCount(first, w.length());
        return w.substring(0, first).toUpperCase(Locale.ROOT) + "*".repeat(rest);
    }
}
