package org.warroom.contracts.result;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.warroom.contracts.event.WireEnum;

/** How serious an alert is; responders subscribe by severity. */
public enum Severity implements WireEnum {
    LOW("low"),
    MEDIUM("medium"),
    HIGH("high"),
    CRITICAL("critical");

    private final String wire;

    Severity(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static Severity fromWire(String value) {
        return WireEnum.parse(Severity.class, value)
                .orElseThrow(() -> new IllegalArgumentException("unknown Severity '" + value + "', allowed: "
                        + WireEnum.allowed(Severity.class)));
    }
}
