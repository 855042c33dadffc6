package org.warroom.ingest.intake;

/**
 * Strict UTF-8 well-formedness (RFC 3629): no overlong forms, no surrogate code points, nothing above U+10FFFF,
 * no stray or missing continuation bytes. The JSON parser alone lets some of these through (an overlong
 * {@code C0 AF} reads as {@code /}), so input is checked before it is parsed.
 */
public final class Utf8 {
    private Utf8() {
    }

    /** The offset of the first byte of the first ill-formed sequence in {@code [from, to)}, or -1 when all is well. */
    public static int firstInvalid(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int need;
            int min2 = 0x80;
            int max2 = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                need = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                need = 2;
                if (c == 0xE0) {
                    min2 = 0xA0;
                } else if (c == 0xED) {
                    max2 = 0x9F;
                }
            } else if (c >= 0xF0 && c <= 0xF4) {
                need = 3;
                if (c == 0xF0) {
                    min2 = 0x90;
                } else if (c == 0xF4) {
                    max2 = 0x8F;
                }
            } else {
                return i;
            }
            if (i + need >= to) {
                return i;
            }
            int second = b[i + 1] & 0xFF;
            if (second < min2 || second > max2) {
                return i;
            }
            for (int k = 2; k <= need; k++) {
                int cont = b[i + k] & 0xFF;
                if (cont < 0x80 || cont > 0xBF) {
                    return i;
                }
            }
            i += need + 1;
        }
        return -1;
    }
}
