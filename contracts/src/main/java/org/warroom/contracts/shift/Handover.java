package org.warroom.contracts.shift;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * A shift handover: topic {@code warroom.handovers} (compacted, keyed by {@link #id()}); each step is a new record.
 *
 * @param version   1 when drafted, 2 signed, 3 acknowledged
 * @param draftedBy who asked for the draft (usually the outgoing lead)
 * @param summary   the outgoing lead's own words, given when signing; may be null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Handover(String id, long version, HandoverState state, OffsetDateTime draftedAt, String draftedBy,
                       HandoverDraft draft, String summary, String signedBy, OffsetDateTime signedAt,
                       String acknowledgedBy, OffsetDateTime acknowledgedAt) {
}
