package org.warroom.contracts.directive;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * One step of a directive's history: who did what, when and why.
 *
 * @param version the directive's version this step made (1 = issued)
 * @param state   the state after the step
 * @param note    the progress report, closing note or reason for returning; may be null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DirectiveStep(long version, DirectiveAction action, OffsetDateTime at, String by, DirectiveState state,
                            String note) {
}
