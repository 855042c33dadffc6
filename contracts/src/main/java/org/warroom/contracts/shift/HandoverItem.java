package org.warroom.contracts.shift;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * One line of a handover's draft, as the system found it when drafting.
 *
 * @param ref      what it is: an alert id, directive id, complaint number, {@code district|commodity}, log entry id
 * @param district the LGD code, null for state-wide items
 * @param what     its kind within the list: the alert's rule and severity, the directive's state, the complaint's
 *                 department, the shortage's level, the log entry's author
 * @param value    a figure when there is one (days of cover, hours overdue)
 * @param text     the words (English; the alert's, the directive's, the log entry's); never a citizen's personal data
 * @param textHi   the same in Hindi when there is one (alerts)
 * @param at       when: raised, deadline, SLA due, reported, written
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HandoverItem(String ref, String district, String what, Double value, String text, String textHi,
                           OffsetDateTime at) {
}
