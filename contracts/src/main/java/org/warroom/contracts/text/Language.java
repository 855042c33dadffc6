package org.warroom.contracts.text;

import java.util.Locale;

/** The languages every text exists in. */
public enum Language {
    EN("en"),
    HI("hi");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** {@code en}, {@code hi}: the bundle suffix and the page's {@code lang}. */
    public String code() {
        return code;
    }

    /** {@code hi} (or a Hindi locale tag such as {@code hi-IN}) → Hindi; anything else → English. */
    public static Language of(String codeOrTag) {
        return codeOrTag != null && codeOrTag.toLowerCase(Locale.ROOT).startsWith("hi") ? HI : EN;
    }
}
