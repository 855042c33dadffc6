package org.warroom.contracts.directive;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.warroom.contracts.event.WireEnum;

/**
 * What someone does to a directive. {@code issue} makes it; the others are the actions of
 * {@code POST /api/v1/directives/{id}/actions} (API.md): the owner acknowledges, reports progress and closes; the
 * issuer accepts or returns (sends back).
 */
public enum DirectiveAction implements WireEnum {
    ISSUE("issue"),
    ACKNOWLEDGE("acknowledge"),
    PROGRESS("progress"),
    CLOSE("close"),
    ACCEPT("accept"),
    RETURN("return");

    private final String wire;

    DirectiveAction(String wire) {
        this.wire = wire;
    }

    /** Taken by the directive's owner (district commander or department desk), else by its issuer. */
    public boolean byOwner() {
        return this == ACKNOWLEDGE || this == PROGRESS || this == CLOSE;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static DirectiveAction fromWire(String value) {
        return WireEnum.parse(DirectiveAction.class, value).orElseThrow(() -> new IllegalArgumentException(
                "unknown directive action '" + value + "', allowed: " + WireEnum.allowed(DirectiveAction.class)));
    }
}
