package org.warroom.dashboard.bulletin;

import java.time.Duration;
import org.warroom.contracts.config.ConfigException;
import org.warroom.contracts.config.Settings;

/**
 * The public bulletin: {@code bulletin.refresh} (default 30s: how often the cached snapshot is rebuilt from the live
 * state; the page reloads it as often), {@code bulletin.floor} (default 5: a count of people or complaints below it
 * is shown as "&lt; 5"), {@code bulletin.rate.per.address} (default 120 requests a minute from one address before
 * 429) and {@code bulletin.enabled} (default true: whether it is on before an administrator has switched it).
 */
public record BulletinSettings(Duration refresh, int floor, int perAddressPerMinute, boolean enabledByDefault) {

    public static BulletinSettings from(Settings settings) {
        Duration refresh = settings.getDuration("bulletin.refresh", Duration.ofSeconds(30));
        int floor = settings.getInt("bulletin.floor", 5);
        int perAddress = settings.getInt("bulletin.rate.per.address", 120);
        if (refresh.toMillis() < 100) {
            throw new ConfigException("bulletin.refresh", "must be at least 100ms");
        }
        if (floor < 1) {
            throw new ConfigException("bulletin.floor", "must be at least 1");
        }
        if (perAddress < 1) {
            throw new ConfigException("bulletin.rate.per.address", "must be at least 1");
        }
        return new BulletinSettings(refresh, floor, perAddress, settings.getBoolean("bulletin.enabled", true));
    }
}
