package org.warroom.dashboard.live;

import java.time.Duration;
import org.warroom.contracts.config.ConfigException;
import org.warroom.contracts.config.Settings;

/**
 * The live push: {@code dashboard.ws.max.pending} (default 20000: distinct keys waiting for one slow client
 * before its queue is dropped and it gets fresh snapshots instead), {@code dashboard.ws.ping} (default 20s:
 * server ping and session re-check), {@code dashboard.ws.idle} (default 60s: a client silent this long, pongs
 * included, is closed), {@code dashboard.ws.write.queue} (default 1048576 bytes buffered per socket before it
 * counts as slow).
 */
public record LiveSettings(int maxPending, Duration ping, Duration idle, int writeQueueBytes) {

    public static LiveSettings from(Settings settings) {
        int pending = settings.getInt("dashboard.ws.max.pending", 20_000);
        Duration ping = settings.getDuration("dashboard.ws.ping", Duration.ofSeconds(20));
        Duration idle = settings.getDuration("dashboard.ws.idle", Duration.ofSeconds(60));
        int queue = settings.getInt("dashboard.ws.write.queue", 1 << 20);
        if (pending < 1) {
            throw new ConfigException("dashboard.ws.max.pending", "must be at least 1");
        }
        if (ping.toMillis() < 10) {
            throw new ConfigException("dashboard.ws.ping", "must be at least 10ms");
        }
        if (idle.compareTo(ping) <= 0) {
            throw new ConfigException("dashboard.ws.idle", "must be longer than dashboard.ws.ping");
        }
        if (queue < 1024) {
            throw new ConfigException("dashboard.ws.write.queue", "must be at least 1024 bytes");
        }
        return new LiveSettings(pending, ping, idle, queue);
    }
}
