package org.warroom.notifier.social;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Mastodon and X as the notifier meets them, on a free loopback port, answering as their real APIs do:
 * <ul>
 *   <li>{@code POST /api/v1/statuses} (Mastodon): {@code Authorization: Bearer <token>} required (401
 *       {@code {"error": "The access token is invalid"}} otherwise), a JSON body with {@code status}; 200 and the
 *       Status {@code {id, url, content, language, visibility}}; a repeated {@code Idempotency-Key} answers the
 *       status made the first time (nothing new); can be told to answer 503 the first N times;</li>
 *   <li>{@code POST /2/tweets} (X API v2): {@code Authorization: Bearer <token>} required (401 otherwise), a JSON
 *       body with {@code text}; 201 {@code {"data": {"id", "text"}}}; a text already posted answers 403 with X's
 *       problem JSON ("You are not allowed to create a Tweet with duplicate content.").</li>
 * </ul>
 * Every request is kept (method, path, headers, body) for the test to check.
 */
final class SocialReceivers implements AutoCloseable {
    static final String MASTODON_TOKEN = "mastodon-test-token";
    static final String X_TOKEN = "x-test-user-token";

    record Request(String method, String path, Map<String, String> headers, String body, int status) {
    }

    final List<Request> mastodon = new CopyOnWriteArrayList<>();
    final List<Request> x = new CopyOnWriteArrayList<>();
    /** Statuses Mastodon made, by idempotency key. */
    final Map<String, JsonObject> statuses = new ConcurrentHashMap<>();
    final Map<String, String> tweets = new ConcurrentHashMap<>();
    private final AtomicInteger mastodonFailuresLeft = new AtomicInteger();
    private final AtomicLong ids = new AtomicLong(109_000_000_000L);
    private final HttpServer server;

    SocialReceivers() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/api/v1/statuses", this::mastodon);
        server.createContext("/2/tweets", this::x);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void failMastodonFirst(int n) {
        mastodonFailuresLeft.set(n);
    }

    private void mastodon(HttpExchange exchange) throws IOException {
        Request r = read(exchange);
        int status;
        String answer;
        if (!"POST".equals(r.method())) {
            status = 405;
            answer = "{\"error\":\"Method not allowed\"}";
        } else if (!("Bearer " + MASTODON_TOKEN).equals(r.headers().get("authorization"))) {
            status = 401;
            answer = "{\"error\":\"The access token is invalid\"}";
        } else if (mastodonFailuresLeft.getAndDecrement() > 0) {
            status = 503;
            answer = "{\"error\":\"Service Unavailable\"}";
        } else {
            String text = new JsonObject(r.body()).getString("status");
            if (text == null || text.isBlank()) {
                status = 422;
                answer = "{\"error\":\"Validation failed: Text can't be blank\"}";
            } else {
                String key = r.headers().getOrDefault("idempotency-key", "none-" + ids.incrementAndGet());
                JsonObject made = statuses.computeIfAbsent(key, k -> {
                    String id = Long.toString(ids.incrementAndGet());
                    return new JsonObject().put("id", id).put("url", base() + "/@warroom/" + id)
                            .put("content", "<p>" + text + "</p>").put("language",
                                    new JsonObject(r.body()).getString("language")).put("visibility", "public");
                });
                status = 200;
                answer = made.encode();
            }
        }
        mastodon.add(new Request(r.method(), r.path(), r.headers(), r.body(), status));
        answer(exchange, status, answer);
    }

    private void x(HttpExchange exchange) throws IOException {
        Request r = read(exchange);
        int status;
        String answer;
        if (!("Bearer " + X_TOKEN).equals(r.headers().get("authorization"))) {
            status = 401;
            answer = "{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}";
        } else {
            String text = new JsonObject(r.body()).getString("text");
            if (tweets.containsValue(text)) {
                status = 403;
                answer = "{\"detail\":\"You are not allowed to create a Tweet with duplicate content.\","
                        + "\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403}";
            } else {
                String id = Long.toString(ids.incrementAndGet());
                tweets.put(id, text);
                status = 201;
                answer = new JsonObject().put("data", new JsonObject().put("id", id).put("text", text)
                        .put("edit_history_tweet_ids", List.of(id))).encode();
            }
        }
        x.add(new Request(r.method(), r.path(), r.headers(), r.body(), status));
        answer(exchange, status, answer);
    }

    private static Request read(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new ConcurrentHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
        return new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers,
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), 0);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
