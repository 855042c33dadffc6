package org.warroom.dashboard.campaign.dial;

import java.util.regex.Pattern;

/** Masks phone numbers in a provider's words (its error messages may echo them) before they are logged or shown. */
final class PhoneMask {
    private static final Pattern NUMBER = Pattern.compile("\\+?\\d[\\d\\s().-]{5,}(\\d{2})");

    private PhoneMask() {
    }

    static String mask(String text) {
        return text == null ? null : NUMBER.matcher(text).replaceAll("••••••$1");
    }
}
