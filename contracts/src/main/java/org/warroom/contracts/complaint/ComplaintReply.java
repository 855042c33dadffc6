package org.warroom.contracts.complaint;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * A message to the citizen on the complaint's channel, as the desk wrote it into the complaint's version.
 * {@code state}: {@code pending} (handed to the notifier; its outcome — sent, failed, not-sent — is read from
 * {@code warroom.citizen-replies} by {@link #id()}, docs/COMPLAINTS.md) or, for replies written before the notifier
 * sent them, {@code not-sent}.
 *
 * @param id      {@code <number>/v<version>}: the same on a retry, so the notifier sends it at most once
 * @param purpose the kind of message, the key of its words ({@code reply.registered}, {@code reply.resolved}, ...)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComplaintReply(String channel, String text, String state, OffsetDateTime at, String id,
                             String purpose) {
    /** A reply without id (written before replies were sent): never sent. */
    public ComplaintReply(String channel, String text, String state, OffsetDateTime at) {
        this(channel, text, state, at, null, null);
    }
}
