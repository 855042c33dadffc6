package org.warroom.contracts.settings;

import org.warroom.contracts.result.SettingsMark;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The values administrators set, as read from {@link SettingsTopics#SETTINGS} up to some point: immutable; a change
 * makes a new snapshot ({@link #with(SettingValue)}). Lookups fall back from a district's own value to the value for
 * every district, and from there to the caller's default (the configured value).
 */
public final class SettingsSnapshot {
    public static final SettingsSnapshot EMPTY = new SettingsSnapshot(Map.of());

    private final Map<String, SettingValue> byTopicKey;

    private SettingsSnapshot(Map<String, SettingValue> byTopicKey) {
        this.byTopicKey = Map.copyOf(byTopicKey);
    }

    public static SettingsSnapshot of(Collection<SettingValue> values) {
        Map<String, SettingValue> map = new HashMap<>();
        for (SettingValue v : values) {
            map.put(v.topicKey(), v);
        }
        return new SettingsSnapshot(map);
    }

    /** This snapshot with {@code value} in force (replacing the one of the same key and district). */
    public SettingsSnapshot with(SettingValue value) {
        Map<String, SettingValue> map = new HashMap<>(byTopicKey);
        map.put(value.topicKey(), value);
        return new SettingsSnapshot(map);
    }

    /** This snapshot without the value stored under {@code topicKey} (a tombstone on the topic). */
    public SettingsSnapshot without(String topicKey) {
        Map<String, SettingValue> map = new HashMap<>(byTopicKey);
        map.remove(topicKey);
        return new SettingsSnapshot(map);
    }

    /** Exactly the value set for {@code key} and {@code district} (null: for every district), if any. */
    public Optional<SettingValue> exactly(String key, String district) {
        return Optional.ofNullable(byTopicKey.get(SettingValue.topicKey(key, district)));
    }

    /** The value in force for {@code district}: its own, else the one for every district, if either was set. */
    public Optional<SettingValue> inForce(String key, String district) {
        SettingValue own = district == null ? null : byTopicKey.get(SettingValue.topicKey(key, district));
        return own != null ? Optional.of(own) : Optional.ofNullable(byTopicKey.get(key));
    }

    /** The number in force for {@code district}, {@code defaultValue} when nobody set one. */
    public double valueOf(String key, String district, double defaultValue) {
        return inForce(key, district).map(SettingValue::value).orElse(defaultValue);
    }

    /** The mark of the value in force for {@code district}; null when the default is in force. */
    public SettingsMark markOf(String key, String district) {
        return inForce(key, district).map(SettingValue::mark).orElse(null);
    }

    public Collection<SettingValue> values() {
        return byTopicKey.values();
    }

    public boolean isEmpty() {
        return byTopicKey.isEmpty();
    }
}
