package org.warroom.contracts.complaint;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.warroom.contracts.event.WireEnum;

/** Where a complaint came from, and so where the citizen is answered (API.md: {@code call|whatsapp|sms|desk}). */
public enum ComplaintChannel implements WireEnum {
    CALL("call"),
    WHATSAPP("whatsapp"),
    SMS("sms"),
    DESK("desk");

    private final String wire;

    ComplaintChannel(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static ComplaintChannel fromWire(String value) {
        return WireEnum.parse(ComplaintChannel.class, value).orElseThrow(() -> new IllegalArgumentException(
                "unknown channel '" + value + "', allowed: " + WireEnum.allowed(ComplaintChannel.class)));
    }
}
