package org.warroom.contracts.complaint;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.warroom.contracts.event.WireEnum;

/**
 * What someone does to a complaint. {@code register} makes it; the others are the actions of
 * {@code POST /api/v1/complaints/{number}/actions} (API.md).
 */
public enum ComplaintAction implements WireEnum {
    REGISTER("register"),
    ASSIGN("assign"),
    COMMENT("comment"),
    FORWARD("forward"),
    RESOLVE("resolve"),
    REJECT("reject"),
    REOPEN("reopen"),
    /** The citizen's rating 1–5 of a resolved complaint (their own message, never a desk's action). */
    RATE("rate");

    private final String wire;

    ComplaintAction(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static ComplaintAction fromWire(String value) {
        return WireEnum.parse(ComplaintAction.class, value).orElseThrow(() -> new IllegalArgumentException(
                "unknown complaint action '" + value + "', allowed: " + WireEnum.allowed(ComplaintAction.class)));
    }
}
