package org.warroom.contracts.complaint;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * A message to the citizen on the complaint's channel. {@code state}: {@code sent}, {@code not-sent} (no provider
 * configured: recorded, never silently dropped) or {@code failed}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComplaintReply(String channel, String text, String state, OffsetDateTime at) {
}
