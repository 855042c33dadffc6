package org.warroom.dashboard.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live websocket's meters (docs/METRICS.md): {@code warroom_dashboard_ws_sessions} (sockets open now),
 * {@code warroom_dashboard_ws_frames_sent_total{type}} (snapshot, update, ping, pong, error),
 * {@code warroom_dashboard_ws_frames_received_total}, {@code warroom_dashboard_ws_pending} and
 * {@code warroom_dashboard_ws_pending_max} (updates waiting for a client's write queue, all sockets and the
 * fullest one), {@code warroom_dashboard_ws_waiting_drain} (sockets whose write queue is full now), and
 * {@code warroom_dashboard_ws_updates_coalesced_total} / {@code _dropped_total} (replaced by a newer value; dropped
 * for a resync when a slow client had too many pending).
 */
public final class LiveMetrics {
    private final MeterRegistry registry;
    private final Set<LiveSocket> open = ConcurrentHashMap.newKeySet();
    private final Map<String, Counter> sent = new ConcurrentHashMap<>();
    private final Counter received;
    private final Counter coalesced;
    private final Counter dropped;

    public LiveMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("warroom.dashboard.ws.sessions", open, Set::size).description("live websockets open now")
                .register(registry);
        Gauge.builder("warroom.dashboard.ws.pending", open, s -> s.stream().mapToInt(LiveSocket::pendingNow).sum())
                .description("updates waiting for their client's write queue, all sockets").register(registry);
        Gauge.builder("warroom.dashboard.ws.pending.max", open,
                        s -> s.stream().mapToInt(LiveSocket::pendingNow).max().orElse(0))
                .description("updates waiting on the fullest socket").register(registry);
        Gauge.builder("warroom.dashboard.ws.waiting.drain", open, s -> s.stream().filter(LiveSocket::waitingNow).count())
                .description("sockets whose write queue is full now").register(registry);
        received = Counter.builder("warroom.dashboard.ws.frames.received").description("frames read from clients")
                .register(registry);
        coalesced = Counter.builder("warroom.dashboard.ws.updates.coalesced")
                .description("pending updates replaced by a newer value of the same key").register(registry);
        dropped = Counter.builder("warroom.dashboard.ws.updates.dropped")
                .description("pending updates dropped for a resync (slow client)").register(registry);
        for (String type : new String[] {"snapshot", "update", "ping", "pong", "error"}) {
            sent(type);
        }
    }

    void opened(LiveSocket socket) {
        open.add(socket);
    }

    void closed(LiveSocket socket) {
        open.remove(socket);
    }

    void sent(String type, int frames) {
        sent(type).increment(frames);
    }

    void received() {
        received.increment();
    }

    void coalesced() {
        coalesced.increment();
    }

    void dropped(int updates) {
        dropped.increment(updates);
    }

    private Counter sent(String type) {
        return sent.computeIfAbsent(type, t -> Counter.builder("warroom.dashboard.ws.frames.sent").tag("type", t)
                .description("frames written to clients, by type").register(registry));
    }
}
