package org.warroom.contracts.directive;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.warroom.contracts.event.WireEnum;

/** How urgent a directive is; {@code normal} unless the issuer says otherwise. */
public enum DirectivePriority implements WireEnum {
    LOW("low"),
    NORMAL("normal"),
    HIGH("high"),
    CRITICAL("critical");

    private final String wire;

    DirectivePriority(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static DirectivePriority fromWire(String value) {
        return WireEnum.parse(DirectivePriority.class, value).orElseThrow(() -> new IllegalArgumentException(
                "unknown directive priority '" + value + "', allowed: " + WireEnum.allowed(DirectivePriority.class)));
    }
}
