package org.warroom.contracts.social;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.warroom.contracts.event.WireEnum;

/** Where a post stands in the war room: a draft (edited freely) or approved (handed to the notifier to publish). */
public enum PostState implements WireEnum {
    DRAFT("draft"),
    APPROVED("approved");

    private final String wire;

    PostState(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static PostState fromWire(String value) {
        return WireEnum.parse(PostState.class, value).orElseThrow(() -> new IllegalArgumentException(
                "unknown post state '" + value + "', allowed: " + WireEnum.allowed(PostState.class)));
    }
}
