package org.warroom.tools.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.warroom.contracts.json.Json;

/**
 * A wall screen's websocket client: subscribes to every live channel like {@code wall.html}, answers the server's
 * pings, and keeps the registry total it was last told (from a snapshot or an update of {@code worker-totals}).
 * A screen can be {@link #pause() paused}: it then stops reading its socket altogether (no demand), like a client
 * on a stalled network, so the server's queue for it fills; {@link #resume()} reads again.
 */
public final class Screen implements WebSocket.Listener {
    private static final String SUBSCRIBE = "{\"type\":\"subscribe\",\"channels\":[\"shortages\",\"backlogs\","
            + "\"call-load\",\"worker-distribution\",\"worker-totals\",\"ratings\",\"alerts\",\"unlocated-messages\"]}";

    private final StringBuilder partial = new StringBuilder();
    private final AtomicLong snapshots = new AtomicLong();
    private final AtomicLong updates = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private volatile long workersTotal = -1;
    private volatile long firstMessageAt = -1;
    private volatile long lastMessageAt = -1;
    private volatile long longestGapMs;
    private volatile boolean paused;
    private volatile boolean closed;
    private volatile String closeReason = "";
    private volatile WebSocket socket;

    /** Connects to {@code dashboard}'s {@code /ws} with the session {@code token} and subscribes. */
    public static Screen open(HttpClient http, URI dashboard, String token) throws Exception {
        Screen screen = new Screen();
        URI ws = URI.create(dashboard.toString().replaceFirst("^http", "ws") + "/ws?token=" + token);
        http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(ws, screen)
                .get(20, TimeUnit.SECONDS);
        return screen;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        socket = webSocket;
        webSocket.sendText(SUBSCRIBE, true);
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        long now = System.currentTimeMillis();
        if (firstMessageAt < 0) {
            firstMessageAt = now;
        } else {
            longestGapMs = Math.max(longestGapMs, now - lastMessageAt);
        }
        lastMessageAt = now;
        bytes.addAndGet(data.length());
        partial.append(data);
        if (last) {
            handle(partial.toString());
            partial.setLength(0);
        }
        if (!paused) {
            webSocket.request(1);
        }
        return CompletableFuture.completedFuture(null);
    }

    private void handle(String text) {
        try {
            JsonNode m = Json.mapper().readTree(text);
            String type = m.path("type").asText();
            String channel = m.path("channel").asText();
            switch (type) {
                case "ping" -> socket.sendText("{\"type\":\"pong\"}", true);
                case "snapshot" -> {
                    snapshots.incrementAndGet();
                    if (channel.equals("worker-totals")) {
                        JsonNode items = m.path("items");
                        workersTotal = items.isEmpty() ? 0 : items.get(0).path("total").asLong();
                    }
                }
                case "update" -> {
                    updates.incrementAndGet();
                    if (channel.equals("worker-totals") && !m.path("value").isNull()) {
                        workersTotal = m.path("value").path("total").asLong();
                    }
                }
                default -> {
                }
            }
        } catch (Exception e) {
            closeReason = "unreadable frame: " + e.getMessage();
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed = true;
        closeReason = statusCode + " " + reason;
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed = true;
        closeReason = "error: " + error;
    }

    /** Stops reading the socket. */
    public void pause() {
        paused = true;
    }

    /** Reads the socket again. */
    public void resume() {
        paused = false;
        WebSocket ws = socket;
        if (ws != null) {
            ws.request(1);
        }
    }

    public void close() {
        WebSocket ws = socket;
        if (ws != null && !closed) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    public long snapshots() {
        return snapshots.get();
    }

    public long updates() {
        return updates.get();
    }

    public long bytes() {
        return bytes.get();
    }

    public long workersTotal() {
        return workersTotal;
    }

    /** When this connection received its first and its last message (epoch ms; -1: none yet). */
    public long firstMessageAt() {
        return firstMessageAt;
    }

    public long lastMessageAt() {
        return lastMessageAt;
    }

    /** The longest time between two messages on this connection. */
    public long longestGapMs() {
        return longestGapMs;
    }

    public boolean closed() {
        return closed;
    }

    public String closeReason() {
        return closeReason;
    }
}
