package org.warroom.dashboard.export;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.warroom.elastic.doc.PersonalData;

/** The filter of one export: the request's parameters a table takes, non-blank, stripped. */
record ExportFilter(Map<String, String> values) {

    ExportFilter {
        values = Map.copyOf(values);
    }

    /** The value, or null. */
    String get(String name) {
        return values.get(name);
    }

    /**
     * The filter as the audit log keeps it ({@code district=396&status=working}, sorted): a registry search term is
     * masked the way the screen masks personal data (a phone number to its last 4 digits, a name to its initials), so
     * the audit never holds one in clear.
     */
    String audited() {
        return new TreeMap<>(values).entrySet().stream()
                .map(e -> e.getKey() + "=" + (e.getKey().equals("q") ? maskTerm(e.getValue()) : e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String maskTerm(String q) {
        return q.matches("[+\\d\\s-]+") ? "*" + PersonalData.last4(q) : PersonalData.maskName(q);
    }
}
