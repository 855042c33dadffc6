package org.warroom.contracts.result;

import java.time.Instant;

/**
 * Carried by a result computed under a value an administrator set (not the configured default): which setting,
 * changed when and by whom — the district page and the wall show "thresholds changed at HH:MM by X" from it
 * (docs/SETTINGS.md, "What is marked"). Of several settings in force for one result, the latest changed.
 *
 * @param setting   the topic key of the setting ({@code shortage.medicine.low.days|396})
 * @param changedAt when it was changed
 * @param changedBy the administrator's username
 * @param version   the setting's version
 */
public record SettingsMark(String setting, Instant changedAt, String changedBy, long version) {

    /** The later of two marks (either may be null). */
    public static SettingsMark latest(SettingsMark a, SettingsMark b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return b.changedAt().isAfter(a.changedAt()) ? b : a;
    }
}
