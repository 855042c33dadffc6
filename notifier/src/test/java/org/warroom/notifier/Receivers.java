package org.warroom.notifier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The outside world for the notifier's tests, on a free loopback port: a Twilio-compatible Messages API that keeps
 * every message, and webhook endpoints that keep every request and can be told to fail the first N times.
 */
final class Receivers implements AutoCloseable {
    /** A message as Twilio received it. */
    record Sms(String account, String authorization, Map<String, String> form) {
    }

    /** A webhook request and the status it was answered with. */
    record Hook(String path, Map<String, String> headers, byte[] body, int status) {
    }

    final List<Sms> sms = new CopyOnWriteArrayList<>();
    final List<Hook> hooks = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    /** Numbers Twilio refuses ({@code 400}, as for an invalid {@code To}). */
    final java.util.Set<String> refusedNumbers = ConcurrentHashMap.newKeySet();
    private final HttpServer server;

    Receivers() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/2010-04-01/Accounts/", this::twilio);
        server.createContext("/hook/", this::hook);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next {@code n} requests to {@code path} answer 500. */
    void failFirst(String path, int n) {
        failuresLeft.put(path, new AtomicInteger(n));
    }

    List<Sms> smsTo(String to) {
        return sms.stream().filter(s -> to.equals(s.form().get("To"))).toList();
    }

    List<Hook> hooksAt(String path) {
        return hooks.stream().filter(h -> h.path().equals(path)).toList();
    }

    private void twilio(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String account = path.substring("/2010-04-01/Accounts/".length(), path.indexOf("/Messages.json"));
        Map<String, String> form = new LinkedHashMap<>();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        if (refusedNumbers.contains(form.get("To"))) {
            answer(exchange, 400, "{\"code\":21211,\"message\":\"The 'To' number is not a valid phone number.\"}");
            return;
        }
        sms.add(new Sms(account, exchange.getRequestHeaders().getFirst("Authorization"), form));
        answer(exchange, 201, "{\"sid\":\"SM" + sms.size() + "\",\"status\":\"queued\"}");
    }

    private void hook(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
        AtomicInteger left = failuresLeft.get(path);
        int status = left != null && left.getAndDecrement() > 0 ? 500 : 200;
        hooks.add(new Hook(path, headers, body, status));
        answer(exchange, status, "{}");
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
