package org.warroom.contracts.result;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.warroom.contracts.event.WireEnum;

/** Where an alert is in its life (API.md: {@code active|acknowledged|cleared}). */
public enum AlertState implements WireEnum {
    ACTIVE("active"),
    ACKNOWLEDGED("acknowledged"),
    CLEARED("cleared");

    private final String wire;

    AlertState(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static AlertState fromWire(String value) {
        return WireEnum.parse(AlertState.class, value)
                .orElseThrow(() -> new IllegalArgumentException("unknown AlertState '" + value + "'"));
    }
}
