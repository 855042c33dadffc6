package org.warroom.contracts.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a citizen message came from. */
public enum Channel implements WireEnum {
    WHATSAPP("whatsapp"),
    SMS("sms"),
    TWITTER("twitter"),
    FACEBOOK("facebook"),
    OTHER("other");

    private final String wire;

    Channel(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static Channel fromWire(String value) {
        return WireEnum.parse(Channel.class, value)
                .orElseThrow(() -> new IllegalArgumentException("unknown Channel '" + value + "', allowed: "
                        + WireEnum.allowed(Channel.class)));
    }
}
