package org.warroom.streams.calls;

import java.util.List;

/**
 * What is known of one call (store {@code call-load-calls}, keyed {@code line|call}); times are epoch millis of the
 * steps' {@code at}, 0 when the step has not been seen.
 *
 * @param lastStepAt the latest {@code at} of any of its steps: a call in progress with no step for
 *                   {@code calls.stuck.after} expires
 * @param expired    given up on: it stayed in progress too long (its end was lost)
 */
record CallState(String call, String line, long startedAt, long answeredAt, long endedAt, long lastStepAt,
                 boolean expired, List<String> stepIds) {
    static final int REMEMBERED_STEPS = 16;

    CallState {
        stepIds = stepIds == null ? List.of() : List.copyOf(stepIds);
    }

    boolean done() {
        return endedAt != 0 || expired;
    }

    boolean inProgress() {
        return !done() && (startedAt != 0 || answeredAt != 0);
    }

    boolean waiting() {
        return !done() && startedAt != 0 && answeredAt == 0;
    }
}
