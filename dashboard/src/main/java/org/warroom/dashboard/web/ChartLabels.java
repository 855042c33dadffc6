package org.warroom.dashboard.web;

import java.util.List;
import org.warroom.contracts.text.Language;
import org.warroom.contracts.text.Words;

/**
 * The words drawn on charts, in English or Hindi, from the bundles every screen uses ({@link Words}): a chart's own
 * texts are {@code chart.*}; a code (commodity, status, department, helpline, worker status) reads as the pages show it.
 */
final class ChartLabels {
    /** Where a code's label is looked for, after the chart's own {@code chart.} texts. */
    private static final List<String> CODE_PREFIXES =
            List.of("chart.", "status.", "commodity.", "category.", "line.", "workers.status.");

    private final boolean hindi;
    private final Words words = Words.bundled();

    ChartLabels(boolean hindi) {
        this.hindi = hindi;
    }

    boolean hindi() {
        return hindi;
    }

    /** The label for {@code key}; the key itself when there is none (line numbers, a department with no label yet). */
    String get(String key) {
        Language language = hindi ? Language.HI : Language.EN;
        for (String prefix : CODE_PREFIXES) {
            String text = words.find(language, prefix + key);
            if (text != null) {
                return text;
            }
        }
        return key;
    }
}
