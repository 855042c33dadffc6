package org.warroom.contracts.notify;

import java.time.Instant;

/** An acknowledgement token that was used. Topic {@code warroom.ack-token-uses} (compacted), keyed by token id. */
public record TokenUse(String tokenId, String alertId, String user, Instant at) {
}
