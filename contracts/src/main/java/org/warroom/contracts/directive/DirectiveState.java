package org.warroom.contracts.directive;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.warroom.contracts.event.WireEnum;

/**
 * Where a directive stands (API.md: {@code issued|acknowledged|closed|accepted}; {@code overdue} is not a state but
 * a condition, {@link Directive#overdueAt}); see docs/OPERATIONS.md.
 */
public enum DirectiveState implements WireEnum {
    ISSUED("issued"),
    ACKNOWLEDGED("acknowledged"),
    CLOSED("closed"),
    ACCEPTED("accepted");

    private final String wire;

    DirectiveState(String wire) {
        this.wire = wire;
    }

    /** Closed by its owner or accepted by its issuer: no longer the owner's to do, never overdue. */
    public boolean done() {
        return this == CLOSED || this == ACCEPTED;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static DirectiveState fromWire(String value) {
        return WireEnum.parse(DirectiveState.class, value).orElseThrow(() -> new IllegalArgumentException(
                "unknown directive state '" + value + "', allowed: " + WireEnum.allowed(DirectiveState.class)));
    }
}
