package org.warroom.contracts.triage;

import org.warroom.contracts.event.WireEnum;

/** Where a proposed alias stands: proposed by placements, then accepted or rejected by an administrator. */
public enum AliasStatus implements WireEnum {
    PROPOSED("proposed"),
    ACCEPTED("accepted"),
    REJECTED("rejected");

    private final String wire;

    AliasStatus(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
