package org.warroom.contracts.settings;

/**
 * One run-time setting: its key, group, what it is about, the value in force when nobody changed it (the
 * configuration's value: environment over file over the built-in default) and the range it accepts.
 *
 * @param key          e.g. {@code shortage.medicine.low.days}
 * @param subject      the commodity, category, line or alert rule the key is about
 * @param defaultValue the configured value, in force until an administrator changes it
 * @param min          the least value accepted (inclusive)
 * @param max          the greatest value accepted (inclusive)
 * @param unit         {@code days}, {@code hours}, {@code calls} or the unit of the alert rule's value
 * @param perDistrict  whether a district may have its own value (shortage thresholds)
 * @param integer      whether only whole numbers are accepted (line capacities)
 */
public record SettingDefinition(String key, SettingGroup group, String subject, double defaultValue, double min,
                                double max, String unit, boolean perDistrict, boolean integer) {
}
