package org.warroom.contracts.notify;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One step of delivering one notification to one person on one channel. Topic {@code warroom.deliveries}, keyed by
 * alert id, append-only: a {@link #SENDING} record is written before the message leaves, and a final one
 * ({@link #SENT}, {@link #UNDELIVERABLE}) after; the notifier rebuilds what it already sent from this topic at start,
 * so nothing is sent twice for the same alert step across restarts. A digest writes one pair per alert it covers.
 *
 * @param id       {@code alertId#step#user#channel}: the same for every record of one notification
 * @param step     escalation step, 1 first
 * @param address  where it went, masked (an e-mail's domain, a phone's last digits, a webhook's host)
 * @param attempts how many attempts were made (retries = attempts - 1)
 * @param digest   the ids of the other alerts sent in the same digest message, when it was a digest
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Delivery(String id, String alertId, int step, String user, ChannelKind channel, String district,
                       String outcome, Instant at, int attempts, String error, String address, List<String> digest) {
    public static final String SENDING = "sending";
    public static final String SENT = "sent";
    public static final String UNDELIVERABLE = "undeliverable";
    public static final String HELD = "held";

    public static String idOf(String alertId, int step, String user, ChannelKind channel) {
        return alertId + "#" + step + "#" + user + "#" + channel.wire();
    }

    /** Whether this record settles the notification: it was sent, given up, or may have left before a crash. */
    public boolean settles() {
        return SENT.equals(outcome) || UNDELIVERABLE.equals(outcome) || SENDING.equals(outcome);
    }
}
