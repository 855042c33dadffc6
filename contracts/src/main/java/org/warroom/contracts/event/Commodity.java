package org.warroom.contracts.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The commodities whose stock a district reports and the war room watches. */
public enum Commodity implements WireEnum {
    RATION("ration"),
    WATER("water"),
    FRUIT("fruit"),
    VEGETABLES("vegetables"),
    MILK("milk"),
    MEDICINE("medicine"),
    LPG("lpg"),
    PETROL("petrol"),
    DIESEL("diesel"),
    SANITARY("sanitary");

    private final String wire;

    Commodity(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static Commodity fromWire(String value) {
        return WireEnum.parse(Commodity.class, value)
                .orElseThrow(() -> new IllegalArgumentException("unknown Commodity '" + value + "', allowed: "
                        + WireEnum.allowed(Commodity.class)));
    }
}
