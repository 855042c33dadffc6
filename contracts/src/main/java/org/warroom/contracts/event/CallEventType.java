package org.warroom.contracts.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A step in the life of one helpline call. */
public enum CallEventType implements WireEnum {
    STARTED("started"),
    ANSWERED("answered"),
    ENDED("ended"),
    ABANDONED("abandoned");

    private final String wire;

    CallEventType(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static CallEventType fromWire(String value) {
        return WireEnum.parse(CallEventType.class, value)
                .orElseThrow(() -> new IllegalArgumentException("unknown CallEventType '" + value + "', allowed: "
                        + WireEnum.allowed(CallEventType.class)));
    }
}
