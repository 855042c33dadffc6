package org.warroom.contracts.directive;

import java.time.OffsetDateTime;

/**
 * What an issuer gives to issue a directive, already checked ({@code DirectiveCheck} in the dashboard): the district
 * as an LGD code; {@code department}, {@code alert}, {@code shortage} may be null.
 */
public record DirectiveOrder(String district, String department, String text, OffsetDateTime deadline,
                             DirectivePriority priority, String alert, String shortage) {
}
