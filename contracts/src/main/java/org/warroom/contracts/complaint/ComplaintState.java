package org.warroom.contracts.complaint;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.warroom.contracts.event.WireEnum;

/** Where a complaint stands (API.md: {@code open|assigned|resolved|rejected|reopened}); see docs/COMPLAINTS.md. */
public enum ComplaintState implements WireEnum {
    OPEN("open"),
    ASSIGNED("assigned"),
    RESOLVED("resolved"),
    REJECTED("rejected"),
    REOPENED("reopened");

    private final String wire;

    ComplaintState(String wire) {
        this.wire = wire;
    }

    /** Resolved or rejected: off the desk's backlog until reopened. */
    public boolean closed() {
        return this == RESOLVED || this == REJECTED;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static ComplaintState fromWire(String value) {
        return WireEnum.parse(ComplaintState.class, value).orElseThrow(() -> new IllegalArgumentException(
                "unknown complaint state '" + value + "', allowed: " + WireEnum.allowed(ComplaintState.class)));
    }
}
