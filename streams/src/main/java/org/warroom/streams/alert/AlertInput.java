package org.warroom.streams.alert;

import org.warroom.contracts.result.AlertAck;

/** What the alert processor reads from its repartition topic (keyed by condition): an observation or an ack. */
record AlertInput(Observation observation, AlertAck ack) {
}
