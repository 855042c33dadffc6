package org.warroom.contracts.settings;

import org.warroom.contracts.result.SettingsMark;
import java.time.Instant;

/**
 * A value an administrator set, as stored on the compacted topic {@code warroom.settings} under
 * {@link #topicKey(String, String)}. Every change carries the one before it, who made it and when.
 *
 * @param key       the setting's key ({@code shortage.medicine.low.days})
 * @param district  the district (LGD code) the value is for; null: for every district without its own
 * @param value     the value now in force
 * @param previous  the value in force before this change (the configured default the first time)
 * @param changedBy the administrator's username
 * @param changedAt when it was changed
 * @param version   1 for the first change of this key and district, one more for each change after it
 */
public record SettingValue(String key, String district, double value, Double previous, String changedBy,
                           Instant changedAt, long version) {

    /** The topic key: {@code key} for the value of every district, {@code key|district} for one district's own. */
    public static String topicKey(String key, String district) {
        return district == null ? key : key + "|" + district;
    }

    public String topicKey() {
        return topicKey(key, district);
    }

    /** The mark a result computed under this value carries. */
    public SettingsMark mark() {
        return new SettingsMark(topicKey(), changedAt, changedBy, version);
    }
}
