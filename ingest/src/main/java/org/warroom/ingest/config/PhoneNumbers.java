package org.warroom.ingest.config;

/** Phone numbers as intake compares and logs them. */
public final class PhoneNumbers {
    private PhoneNumbers() {
    }

    /**
     * The national form of an Indian number for matching: digits only, without the country code 91 or the
     * trunk 0 ({@code +91 755 254 0000}, {@code 07552540000} and {@code 7552540000} are all {@code 7552540000});
     * short codes such as {@code 181} stay as they are.
     */
    public static String national(String number) {
        if (number == null) {
            return "";
        }
        String digits = number.replaceAll("[^0-9]", "");
        if (digits.length() == 12 && digits.startsWith("91")) {
            return digits.substring(2);
        }
        if (digits.length() == 13 && digits.startsWith("091")) {
            return digits.substring(3);
        }
        if (digits.length() == 11 && digits.startsWith("0")) {
            return digits.substring(1);
        }
        return digits;
    }

    /** A number safe to log: all but the first three and last four characters masked ({@code +91******1234}). */
    public static String masked(String number) {
        if (number == null || number.isEmpty()) {
            return "";
        }
        String n = number.strip();
        if (n.length() <= 6) {
            return "*".repeat(n.length());
        }
        int keepStart = Math.min(3, n.length() - 4);
        return n.substring(0, keepStart) + "*".repeat(n.length() - keepStart - 4) + n.substring(n.length() - 4);
    }
}
