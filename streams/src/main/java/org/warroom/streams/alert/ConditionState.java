package org.warroom.streams.alert;

import org.warroom.contracts.result.Alert;

/**
 * One condition (store {@code alert-conditions}, keyed {@code rule|subject}): its latest observation and its current
 * alert episode (null before the first; kept, cleared, until the next one).
 */
record ConditionState(Observation observation, Alert alert) {
}
