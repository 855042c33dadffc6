package org.warroom.dashboard.cluster;

import java.time.Duration;
import java.util.Optional;
import org.warroom.contracts.config.ConfigException;
import org.warroom.contracts.config.Settings;

/**
 * Whether several dashboard instances share the writes ({@link WritesOwnership}): {@code dashboard.writes.owner.group}
 * (unset: one instance, which owns every write) and how soon a dead owner's writes pass to another,
 * {@code dashboard.writes.owner.session} (default 6 s, the broker's least session timeout).
 */
public record WritesOwnerSettings(Optional<String> group, Duration session) {

    public WritesOwnerSettings {
        if (session.compareTo(Duration.ofSeconds(6)) < 0 || session.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new ConfigException("dashboard.writes.owner.session", "must be between 6 s and 5 min, was " + session);
        }
    }

    public static WritesOwnerSettings from(Settings settings) {
        return new WritesOwnerSettings(settings.find("dashboard.writes.owner.group"),
                settings.getDuration("dashboard.writes.owner.session", Duration.ofSeconds(6)));
    }
}
