package org.warroom.contracts.complaint;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.Set;

/**
 * What became of a {@link CitizenReply}: topic {@code warroom.citizen-replies} (compacted, keyed by the reply's id),
 * written by the notifier, read by the desk. The latest record per id is the outcome:
 * <ul>
 *   <li>{@value #SENDING}: the provider is being asked (written first: finding it after a restart means the
 *       message may have gone out, so it is not sent again but recorded {@value #UNKNOWN});</li>
 *   <li>{@value #SENT}: the provider took it; {@value #FAILED}: the provider refused it or did not answer after
 *       every retry ({@code detail} says why); {@value #NOT_SENT}: no provider is configured for the channel;
 *       {@value #UNKNOWN}: interrupted while sending, not repeated.</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CitizenReplyOutcome(String id, String number, String state, String detail, OffsetDateTime at) {
    public static final String SENDING = "sending";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";
    public static final String NOT_SENT = "not-sent";
    public static final String UNKNOWN = "unknown";
    private static final Set<String> FINAL = Set.of(SENT, FAILED, NOT_SENT, UNKNOWN);

    /** Sent, failed, not sent or unknown: nothing more will happen to the reply. */
    public boolean isFinal() {
        return FINAL.contains(state);
    }
}
