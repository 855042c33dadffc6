package org.warroom.streams.alert;

import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.result.Severity;

/**
 * One measurement of one alert condition, derived from a result record ({@link AlertRules}).
 *
 * @param condition     {@code rule|subject}: the alert's identity without its episode
 * @param kind          how the value is read: as given, or hours until / since {@link #reference()} by the wall clock
 * @param value         the value for {@link Kind#VALUE}
 * @param reference     epoch millis for the time kinds; null means "never" (no predicted stock-out)
 * @param higherIsWorse raise at or above the threshold (else below it)
 */
record Observation(String condition, String rule, String district, Commodity commodity, String subject, Kind kind,
                   double value, Long reference, double threshold, boolean higherIsWorse, Severity severity) {

    /** How an observation's value is read. */
    enum Kind {
        VALUE, HOURS_UNTIL, HOURS_SINCE
    }

    /** "No value" for lower-is-worse rules (a daily need of zero: unbounded cover). JSON has no infinity. */
    static final double UNBOUNDED = Double.MAX_VALUE;

    /** The value at wall-clock time {@code now}. */
    double valueAt(long now) {
        return switch (kind) {
            case VALUE -> value;
            // A time already reached is 0 h away (a stock-out by now: out of stock), never a negative time.
            case HOURS_UNTIL -> reference == null ? UNBOUNDED : Math.max(0, (reference - now) / 3_600_000d);
            case HOURS_SINCE -> reference == null ? 0 : (now - reference) / 3_600_000d;
        };
    }

    boolean timeDependent() {
        return kind != Kind.VALUE;
    }
}
