package org.warroom.contracts.campaign;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.warroom.contracts.event.WireEnum;

/** What one verification call came to (API.md: verified|wrong-number|not-reachable|refused|call-back|needs-help). */
public enum CallOutcome implements WireEnum {
    /** The worker answered and said where they work now: the registry is updated ({@code source: call}). */
    VERIFIED("verified", true, true),
    /** The number is not the worker's: never called again in this campaign. */
    WRONG_NUMBER("wrong-number", false, true),
    /** Nobody answered or the line was off: tried again after the campaign's wait, up to its maximum attempts. */
    NOT_REACHABLE("not-reachable", false, false),
    /** The worker refused or asked not to be called: never handed out again, in any campaign (do-not-call). */
    REFUSED("refused", true, true),
    /** The worker asked to be called at a given time: handed out again then. */
    CALL_BACK("call-back", true, false),
    /** The worker needs help: a complaint (ticket) is opened for their district; the campaign is done with them. */
    NEEDS_HELP("needs-help", true, true);

    private final String wire;
    private final boolean reached;
    private final boolean closes;

    CallOutcome(String wire, boolean reached, boolean closes) {
        this.wire = wire;
        this.reached = reached;
        this.closes = closes;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    /** Whether the worker was spoken to. */
    public boolean reached() {
        return reached;
    }

    /** Whether the campaign is done with the worker after this outcome (no further attempt). */
    public boolean closes() {
        return closes;
    }

    @JsonCreator
    public static CallOutcome fromWire(String value) {
        return WireEnum.parse(CallOutcome.class, value)
                .orElseThrow(() -> new IllegalArgumentException("unknown CallOutcome '" + value + "', allowed: "
                        + WireEnum.allowed(CallOutcome.class)));
    }
}
