package org.warroom.dashboard.export;

/**
 * Keeps a text cell from being read as a formula by a spreadsheet (CSV injection, OWASP): text that begins with
 * {@code = + - @}, a tab or a carriage return gets a leading apostrophe, which Excel and LibreOffice show as a
 * plain-text marker. A phone number {@code +9198...} is therefore exported as {@code '+9198...} (which also keeps
 * Excel from turning it into a number). Numbers are written as numbers and are not touched.
 */
final class CellGuard {
    private CellGuard() {
    }

    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}
