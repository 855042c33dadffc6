package org.warroom.contracts.notify;

import java.util.Set;
import org.warroom.contracts.result.Alert;

/**
 * The categories an alert concerns, as alert delivery matches them against a responder's categories and picks an
 * escalation chain: the alert's commodity, or a backlog's department.
 */
public final class AlertCategories {
    private AlertCategories() {
    }

    /** The categories an alert concerns: its commodity, or a backlog's department; none for other rules. */
    public static Set<String> of(Alert a) {
        if (a.commodity() != null) {
            return Set.of(a.commodity().wire());
        }
        if ("backlog-breaches".equals(a.rule()) && a.subject() != null && a.subject().contains("|")) {
            return Set.of(a.subject().substring(a.subject().indexOf('|') + 1));
        }
        return Set.of();
    }

    /** The category whose escalation chain applies: the alert's category, else its rule. */
    public static String chainOf(Alert a) {
        Set<String> c = of(a);
        return c.isEmpty() ? a.rule() : c.iterator().next();
    }
}
