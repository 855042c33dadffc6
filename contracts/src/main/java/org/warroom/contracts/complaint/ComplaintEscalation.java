package org.warroom.contracts.complaint;

import java.util.Optional;

/**
 * The alert rule {@value #RULE}: one alert per complaint and escalation level, subject
 * {@code district|department|number|level} (docs/COMPLAINTS.md, "Escalation"). Alert delivery picks the chain
 * {@code notify.escalation.complaint-level-<level>} and reaches the department's officers by the subject.
 */
public final class ComplaintEscalation {
    public static final String RULE = "complaint-escalated";
    /** The escalation chain of a level: {@code complaint-level-<level>}. */
    public static final String CHAIN_PREFIX = "complaint-level-";

    /** An escalation alert's subject taken apart. */
    public record Subject(String district, String department, String number, int level) {
        public String wire() {
            return district + "|" + department + "|" + number + "|" + level;
        }

        /** The alert chain of this level. */
        public String chain() {
            return CHAIN_PREFIX + level;
        }
    }

    private ComplaintEscalation() {
    }

    public static Optional<Subject> parse(String rule, String subject) {
        if (!RULE.equals(rule) || subject == null) {
            return Optional.empty();
        }
        String[] p = subject.split("\\|", -1);
        if (p.length != 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Subject(p[0], p[1], p[2], Integer.parseInt(p[3])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
