package org.warroom.tools.simulator;

import java.time.Instant;
import java.util.Map;

/** One event the simulator will send: its feed, its JSON fields, and when it is due. */
record SimEvent(String feed, Map<String, Object> body, Instant due) {
}
