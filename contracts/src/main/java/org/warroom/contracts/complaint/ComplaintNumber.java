package org.warroom.contracts.complaint;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A complaint number a person can read out on the phone: {@code MP-396-000123} = the state's two-letter code, the
 * district's LGD code, and the district's sequence (at least six digits). Letters only where they carry meaning
 * (the state), so nothing is confused between O and 0 or I and 1.
 */
public record ComplaintNumber(String state, String district, long sequence) {
    private static final Pattern FORM = Pattern.compile("([A-Z]{2,3}|S[0-9]{1,2})-([0-9]{1,6})-([0-9]{6,12})");

    public ComplaintNumber {
        if (state == null || district == null || sequence < 1) {
            throw new IllegalArgumentException("a complaint number needs a state, a district and a sequence of 1 or more");
        }
    }

    /** {@code MP-396}: the part shared by a district's numbers. */
    public String prefix() {
        return state + "-" + district;
    }

    @Override
    public String toString() {
        return prefix() + "-" + String.format(Locale.ROOT, "%06d", sequence);
    }

    /**
     * Reads a number as typed or spoken back: case, spaces and dashes vary ({@code mp 396 000123},
     * {@code MP-396-123}); empty when it is no complaint number.
     */
    public static Optional<ComplaintNumber> parse(String text) {
        if (text == null || text.length() > 40) {
            return Optional.empty();
        }
        String t = text.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s_/]+", "-").replaceAll("-+", "-");
        Matcher m = FORM.matcher(t);
        if (!m.matches()) {
            Matcher loose = Pattern.compile("([A-Z]{2,3}|S[0-9]{1,2})-([0-9]{1,6})-([0-9]{1,12})").matcher(t);
            if (!loose.matches()) {
                return Optional.empty();
            }
            m = loose;
        }
        long sequence = Long.parseLong(m.group(3));
        return sequence < 1 ? Optional.empty() : Optional.of(new ComplaintNumber(m.group(1), m.group(2), sequence));
    }
}
