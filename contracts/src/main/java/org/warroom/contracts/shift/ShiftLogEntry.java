package org.warroom.contracts.shift;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * One entry of the war room's shift log ({@code POST /api/v1/log}): topic {@code warroom.shift-log}, keyed by
 * {@link #id()}. Entries are never changed; links may be null.
 *
 * @param district  the LGD code of the district it concerns
 * @param alert     a linked alert id
 * @param complaint a linked complaint number
 * @param directive a linked directive id
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShiftLogEntry(String id, OffsetDateTime at, String by, String text, String district, String alert,
                            String complaint, String directive) {
}
