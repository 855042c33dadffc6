package org.warroom.contracts.settings;

import org.warroom.contracts.event.WireEnum;

/** The groups of run-time settings, one table each on the settings page (docs/SETTINGS.md). */
public enum SettingGroup implements WireEnum {
    /** {@code shortage.<commodity>.low.days} and {@code .critical.days}: days of cover, per district overridable. */
    SHORTAGE("shortage"),
    /** {@code sla.<category>}: hours a ticket of the category may stay open. */
    SLA("sla"),
    /** {@code line.capacity.<line>}: concurrent calls a helpline line takes. */
    LINE_CAPACITY("line"),
    /** {@code alert.<rule>.threshold}: the value at which the alert rule is raised. */
    ALERT("alert");

    private final String wire;

    SettingGroup(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
