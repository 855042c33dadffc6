package org.warroom.contracts.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A step in the life of one complaint ticket. */
public enum TicketEventType implements WireEnum {
    OPENED("opened"),
    ASSIGNED("assigned"),
    RESOLVED("resolved"),
    REOPENED("reopened");

    private final String wire;

    TicketEventType(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static TicketEventType fromWire(String value) {
        return WireEnum.parse(TicketEventType.class, value)
                .orElseThrow(() -> new IllegalArgumentException("unknown TicketEventType '" + value + "', allowed: "
                        + WireEnum.allowed(TicketEventType.class)));
    }
}
