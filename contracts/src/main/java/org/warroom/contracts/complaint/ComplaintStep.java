package org.warroom.contracts.complaint;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * One step of a complaint's history: who did what, when and why.
 *
 * @param version    the complaint's version this step made (1 = registration)
 * @param state      the state after the step
 * @param note       the comment, reason or resolution note; may contain personal data
 * @param department the desk after the step (differs from the one before on a forward)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComplaintStep(long version, ComplaintAction action, OffsetDateTime at, String by, ComplaintState state,
                            String note, String department, String assignee) {
}
