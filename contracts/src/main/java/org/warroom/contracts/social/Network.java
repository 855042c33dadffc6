package org.warroom.contracts.social;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.warroom.contracts.event.WireEnum;

/** A social network the war room posts to, each through its own provider (docs/BULLETIN.md, "Social-media posts"). */
public enum Network implements WireEnum {
    MASTODON("mastodon"),
    X("x");

    private final String wire;

    Network(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static Network fromWire(String value) {
        return WireEnum.parse(Network.class, value).orElseThrow(() -> new IllegalArgumentException(
                "unknown network '" + value + "', allowed: " + WireEnum.allowed(Network.class)));
    }
}
