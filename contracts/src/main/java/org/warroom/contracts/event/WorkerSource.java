package org.warroom.contracts.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a worker record reached the registry. */
public enum WorkerSource implements WireEnum {
    REGISTRY("registry"),
    CALL("call"),
    HELPLINE("helpline");

    private final String wire;

    WorkerSource(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static WorkerSource fromWire(String value) {
        return WireEnum.parse(WorkerSource.class, value)
                .orElseThrow(() -> new IllegalArgumentException("unknown WorkerSource '" + value + "', allowed: "
                        + WireEnum.allowed(WorkerSource.class)));
    }
}
