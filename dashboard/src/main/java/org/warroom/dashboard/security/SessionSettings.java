package org.warroom.dashboard.security;

import java.time.Duration;
import org.warroom.contracts.config.ConfigException;
import org.warroom.contracts.config.Settings;

/**
 * Sessions: {@code dashboard.session.idle} (default 30m: a session unused this long ends),
 * {@code dashboard.session.absolute} (default 12h: no session lives longer, however busy),
 * {@code dashboard.cookie.secure} (default: true when TLS is on; set true behind a TLS-terminating proxy).
 */
public record SessionSettings(Duration idle, Duration absolute, boolean secureCookie) {

    public static SessionSettings from(Settings settings, boolean tls) {
        Duration idle = settings.getDuration("dashboard.session.idle", Duration.ofMinutes(30));
        Duration absolute = settings.getDuration("dashboard.session.absolute", Duration.ofHours(12));
        if (idle.isZero() || idle.isNegative()) {
            throw new ConfigException("dashboard.session.idle", "must be positive");
        }
        if (absolute.compareTo(idle) < 0) {
            throw new ConfigException("dashboard.session.absolute", "must not be shorter than dashboard.session.idle");
        }
        return new SessionSettings(idle, absolute, settings.getBoolean("dashboard.cookie.secure", tls));
    }
}
