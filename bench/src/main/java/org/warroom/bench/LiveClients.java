package org.warroom.bench;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Websocket clients of the dashboard's {@code /ws}, as a screen uses it: logs in once as the administrator (the
 * API token), connects, subscribes, answers the server's pings as the page does (the dashboard closes a client
 * silent for a minute), counts frames, and hands every other text frame to a listener.
 */
final class LiveClients implements AutoCloseable {
    /** The wall screen's subscription (wall.js). */
    static final List<String> WALL = List.of("shortages", "backlogs", "call-load", "worker-totals", "ratings", "alerts", "unlocated-messages");

    private static final String PING = "{\"type\":\"ping\"}";
    private static final String PONG = "{\"type\":\"pong\"}";

    private final Vertx vertx;
    private final Stack stack;
    private final WebSocketClient client;
    private final List<WebSocket> sockets = new CopyOnWriteArrayList<>();
    final AtomicLong frames = new AtomicLong();
    final AtomicLong closed = new AtomicLong();
    private volatile boolean closing;
    private String token;

    LiveClients(Vertx vertx, Stack stack) {
        this.vertx = vertx;
        this.stack = stack;
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(16 * 1024 * 1024)
                .setMaxMessageSize(256 * 1024 * 1024).setConnectTimeout(30_000)
                // Vert.x allows 50 websockets per server by default and queues the 51st forever: the fan-out bench
                // waited on its 51st client (the "could not connect 1,000 clients" of the first runs).
                .setMaxConnections(100_000));
    }

    /** The administrator's API token ({@code POST /api/v1/session}). */
    String token() {
        if (token == null) {
            HttpClientAgent http = vertx.createHttpClient();
            JsonObject body = new JsonObject().put("username", "admin").put("password", stack.adminPassword());
            token = http.request(new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(stack.dashboardPort())
                            .setURI("/api/v1/session").putHeader("Content-Type", "application/json"))
                    .compose(req -> req.send(body.toBuffer()))
                    .compose(resp -> resp.body().map(b -> {
                        if (resp.statusCode() != 200) {
                            throw new IllegalStateException("login as admin answered " + resp.statusCode() + ": " + b);
                        }
                        return new JsonObject(b).getString("token");
                    })).await();
            http.close();
        }
        return token;
    }

    /** Connects one client, subscribes it, and passes every text frame (and the receive time, nanos) to the listener. */
    WebSocket connect(List<String> channels, String district, Consumer<String> listener) {
        JsonObject subscribe = new JsonObject().put("type", "subscribe").put("channels", new JsonArray(channels));
        if (district != null) {
            subscribe.put("district", district);
        }
        return open(subscribe, listener);
    }

    /** As a state's wall screen does: the channels narrowed to one state (LGD state code). */
    WebSocket connectToState(List<String> channels, String state, Consumer<String> listener) {
        return open(new JsonObject().put("type", "subscribe").put("channels", new JsonArray(channels)).put("state", state), listener);
    }

    private WebSocket open(JsonObject subscribe, Consumer<String> listener) {
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(stack.dashboardPort())
                .setURI("/ws?token=" + token());
        WebSocket ws = client.connect(options).await();
        ws.textMessageHandler(text -> {
            frames.incrementAndGet();
            if (PING.equals(text)) {
                ws.writeTextMessage(PONG);
            } else {
                listener.accept(text);
            }
        });
        ws.closeHandler(v -> {
            if (!closing) {
                closed.incrementAndGet();
            }
        });
        ws.writeTextMessage(subscribe.encode()).await();
        sockets.add(ws);
        return ws;
    }

    /** Keepalive as the page does it: a ping every 20 s from every client. */
    void keepAlive() {
        String ping = new JsonObject().put("type", "ping").encode();
        vertx.setPeriodic(20_000, t -> sockets.forEach(ws -> {
            if (!ws.isClosed()) {
                ws.writeTextMessage(ping);
            }
        }));
    }

    int open() {
        return (int) sockets.stream().filter(ws -> !ws.isClosed()).count();
    }

    static Buffer nothing() {
        return Buffer.buffer();
    }

    @Override
    public void close() {
        closing = true;
        sockets.forEach(ws -> {
            try {
                ws.close();
            } catch (RuntimeException e) {
                // already closed
            }
        });
        client.close();
    }
}
