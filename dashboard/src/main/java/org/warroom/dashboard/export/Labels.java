package org.warroom.dashboard.export;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.contracts.text.Language;
import org.warroom.contracts.text.Words;

/**
 * The words of an export in its language ({@code lang=hi|en}): column titles, the screen's labels for coded values
 * (a commodity, a status), district names, and times as the war room reads them ({@code 2026-11-20 10:15:00}, IST).
 */
final class Labels {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Words words;
    private final Language language;
    private final DistrictDirectory districts;
    private final ZoneId zone;

    Labels(Words words, Language language, DistrictDirectory districts, ZoneId zone) {
        this.words = words;
        this.language = language;
        this.districts = districts;
        this.zone = zone;
    }

    Language language() {
        return language;
    }

    /** The title of a column: {@code export.<table>.<column>}. */
    String column(String table, String column) {
        return words.get(language, "export." + table + "." + column);
    }

    /** The table's name (the XLSX sheet). */
    String table(String table) {
        return words.get(language, "export." + table);
    }

    /** The screen's word for a coded value ({@code prefix + value}), or the value itself when there is none. */
    String word(String prefix, Object value) {
        if (value == null) {
            return null;
        }
        String text = words.find(language, prefix + value);
        return text != null ? text : value.toString();
    }

    String districtName(String code) {
        if (code == null) {
            return null;
        }
        return districts.byCode(code).map(d -> language == Language.HI && !d.nameHi().isEmpty() ? d.nameHi() : d.name())
                .orElse(null);
    }

    String time(OffsetDateTime t) {
        return t == null ? null : TIME.format(t.atZoneSameInstant(zone));
    }
}
