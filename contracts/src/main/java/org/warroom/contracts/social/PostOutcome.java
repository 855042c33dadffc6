package org.warroom.contracts.social;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.warroom.contracts.event.WireEnum;

/**
 * What became of an approved post at its network: {@link #PUBLISHING} (written before the provider is asked, so that
 * a restart knows a request may have gone out), {@link #POSTED} (the provider's id and URL kept), {@link #REFUSED}
 * (the provider's status and answer kept; also when no provider is configured), {@link #UNKNOWN} (a provider without
 * an idempotency key may or may not have taken it: never sent again, a person checks the account).
 */
public enum PostOutcome implements WireEnum {
    PUBLISHING("publishing"),
    POSTED("posted"),
    REFUSED("refused"),
    UNKNOWN("unknown");

    private final String wire;

    PostOutcome(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    /** Whether this is the post's last word (nothing more will be tried). */
    public boolean isFinal() {
        return this != PUBLISHING;
    }

    @JsonCreator
    public static PostOutcome fromWire(String value) {
        return WireEnum.parse(PostOutcome.class, value).orElseThrow(() -> new IllegalArgumentException(
                "unknown post outcome '" + value + "', allowed: " + WireEnum.allowed(PostOutcome.class)));
    }
}
