package org.warroom.contracts.shift;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.warroom.contracts.event.WireEnum;

/** Where a handover stands: drafted by the system, signed by the outgoing lead, acknowledged by the incoming one. */
public enum HandoverState implements WireEnum {
    DRAFTED("drafted"),
    SIGNED("signed"),
    ACKNOWLEDGED("acknowledged");

    private final String wire;

    HandoverState(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static HandoverState fromWire(String value) {
        return WireEnum.parse(HandoverState.class, value).orElseThrow(() -> new IllegalArgumentException(
                "unknown handover state '" + value + "', allowed: " + WireEnum.allowed(HandoverState.class)));
    }
}
