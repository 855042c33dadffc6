package org.warroom.notifier;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;

/**
 * How an SMS text travels to an Indian gateway. A text that fits the GSM 03.38 alphabet (7-bit, 160 characters a
 * part) goes as it is; any other (Hindi, and any character outside that alphabet) is a Unicode SMS (UCS-2, 70
 * characters a part), which gateways want either as plain UTF-8 with a flag ({@code unicode=1}, {@code dcs=8}) or
 * as the hexadecimal UCS-2 code units with a flag ({@code msgType=UC}: the NIC gateway, with a leading byte-order
 * mark {@code FEFF}).
 */
enum SmsEncoding {
    /** UTF-8 text, URL-encoded like any parameter. */
    UTF8("utf8"),
    /** Hexadecimal UTF-16BE code units, no byte-order mark. */
    UCS2_HEX("ucs2-hex"),
    /** {@code FEFF} then the hexadecimal UTF-16BE code units (the NIC gateway's Unicode messages). */
    UCS2_HEX_BOM("ucs2-hex-bom");

    /** The GSM 03.38 default alphabet and its extension table (which costs two septets but stays 7-bit). */
    private static final String GSM7 = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà" + "^{}\\[~]|€\f";

    private final String wire;

    SmsEncoding(String wire) {
        this.wire = wire;
    }

    String wire() {
        return wire;
    }

    static SmsEncoding parse(String key, String value) {
        for (SmsEncoding e : values()) {
            if (e.wire.equals(value.strip().toLowerCase(Locale.ROOT))) {
                return e;
            }
        }
        throw new org.warroom.contracts.config.ConfigException(key,
                "must be utf8, ucs2-hex or ucs2-hex-bom, was '" + value + "'");
    }

    /** Whether the text needs a Unicode SMS: some character is outside the GSM 7-bit alphabet. */
    static boolean needsUnicode(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (GSM7.indexOf(text.charAt(i)) < 0) {
                return true;
            }
        }
        return false;
    }

    /** The message parameter's value for a Unicode text. */
    String encodeUnicode(String text) {
        return switch (this) {
            case UTF8 -> text;
            case UCS2_HEX -> HexFormat.of().withUpperCase().formatHex(text.getBytes(StandardCharsets.UTF_16BE));
            case UCS2_HEX_BOM -> "FEFF" + HexFormat.of().withUpperCase()
                    .formatHex(text.getBytes(StandardCharsets.UTF_16BE));
        };
    }
}
