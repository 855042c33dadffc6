package org.warroom.dashboard.security;

import java.time.Duration;
import org.warroom.contracts.config.ConfigException;
import org.warroom.contracts.config.Settings;

/**
 * Login throttling: at most {@code dashboard.login.user.failures} failed logins per username (default 5) and
 * {@code dashboard.login.ip.failures} per client address (default 20) within {@code dashboard.login.window}
 * (default 5m, refilled gradually); beyond that, logins answer 429 with Retry-After, even with the right password.
 */
public record LoginLimits(int perUser, int perAddress, Duration window) {

    public static LoginLimits from(Settings settings) {
        int user = settings.getInt("dashboard.login.user.failures", 5);
        int ip = settings.getInt("dashboard.login.ip.failures", 20);
        Duration window = settings.getDuration("dashboard.login.window", Duration.ofMinutes(5));
        if (user < 1) {
            throw new ConfigException("dashboard.login.user.failures", "must be at least 1");
        }
        if (ip < 1) {
            throw new ConfigException("dashboard.login.ip.failures", "must be at least 1");
        }
        if (window.isZero() || window.isNegative()) {
            throw new ConfigException("dashboard.login.window", "must be positive");
        }
        return new LoginLimits(user, ip, window);
    }
}
