package org.warroom.contracts.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How urgent a complaint ticket is. */
public enum Priority implements WireEnum {
    NORMAL("normal"),
    URGENT("urgent");

    private final String wire;

    Priority(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static Priority fromWire(String value) {
        return WireEnum.parse(Priority.class, value)
                .orElseThrow(() -> new IllegalArgumentException("unknown Priority '" + value + "', allowed: "
                        + WireEnum.allowed(Priority.class)));
    }
}
