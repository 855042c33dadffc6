package org.warroom.contracts.result;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.warroom.contracts.event.WireEnum;

/** How one commodity stands in one district (API.md: {@code OK|LOW|CRITICAL|STALE}). */
public enum ShortageLevel implements WireEnum {
    /** Days of cover at or above the commodity's LOW threshold, or no daily need at all. */
    OK("OK"),
    /** Days of cover below the LOW threshold. */
    LOW("LOW"),
    /** Days of cover below the CRITICAL threshold. */
    CRITICAL("CRITICAL"),
    /** No report for this commodity within the staleness limit (or none ever): the figures cannot be trusted. */
    STALE("STALE");

    private final String wire;

    ShortageLevel(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static ShortageLevel fromWire(String value) {
        return WireEnum.parse(ShortageLevel.class, value)
                .orElseThrow(() -> new IllegalArgumentException("unknown ShortageLevel '" + value + "'"));
    }

    /** LOW or CRITICAL: a shortage the room must act on. */
    public boolean isShortage() {
        return this == LOW || this == CRITICAL;
    }
}
