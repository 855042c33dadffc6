package org.warroom.contracts.notify;

import java.util.Set;
import org.warroom.contracts.complaint.ComplaintEscalation;
import org.warroom.contracts.result.Alert;

/**
 * The categories an alert concerns, as alert delivery matches them against a responder's categories and picks an
 * escalation chain: the alert's commodity, or a backlog's or an escalated complaint's department.
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
        java.util.Optional<ComplaintEscalation.Subject> escalated = ComplaintEscalation.parse(a.rule(), a.subject());
        if (escalated.isPresent()) {
            return Set.of(escalated.get().department());
        }
        return Set.of();
    }

    /**
     * The category whose escalation chain applies: an escalated complaint's level ({@code complaint-level-<n>}), else
     * the alert's category, else its rule.
     */
    public static String chainOf(Alert a) {
        java.util.Optional<ComplaintEscalation.Subject> escalated = ComplaintEscalation.parse(a.rule(), a.subject());
        if (escalated.isPresent()) { // the chain of the complaint's level: complaint-level-<n>
            return escalated.get().chain();
        }
        Set<String> c = of(a);
        return c.isEmpty() ? a.rule() : c.iterator().next();
    }
}
