package org.warroom.contracts.result;

import java.time.OffsetDateTime;

/**
 * Someone acknowledged an alert. Topic {@code warroom.alert-acks}, keyed by {@link #alertId()}; written by the
 * dashboard (and alert delivery) after auditing, read by streams, which marks the alert acknowledged and stops its
 * repeats and escalation. Acknowledging twice, or a cleared alert, changes nothing.
 */
public record AlertAck(String alertId, String by, OffsetDateTime at, String comment) {
}
