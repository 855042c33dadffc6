package org.warroom.contracts.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a registered migrant worker is, as far as the registry knows. */
public enum WorkerStatus implements WireEnum {
    HOME("home"),
    WORKING("working"),
    UNREACHABLE("unreachable");

    private final String wire;

    WorkerStatus(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static WorkerStatus fromWire(String value) {
        return WireEnum.parse(WorkerStatus.class, value)
                .orElseThrow(() -> new IllegalArgumentException("unknown WorkerStatus '" + value + "', allowed: "
                        + WireEnum.allowed(WorkerStatus.class)));
    }
}
