package org.warroom.dashboard.bulletin;

import java.time.Instant;

/**
 * Whether the public bulletin is on, as an administrator last set it. Topic {@code warroom.public-bulletin}
 * (compacted), one key {@link #KEY}.
 *
 * @param changedBy the administrator who set it (null: the configured default, never switched)
 */
public record BulletinSwitchState(boolean enabled, String changedBy, Instant changedAt) {
    public static final String KEY = "switch";
}
