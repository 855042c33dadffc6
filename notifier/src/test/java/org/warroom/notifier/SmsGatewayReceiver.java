package org.warroom.notifier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An Indian SMS gateway on a free loopback port, speaking the NIC gateway's {@code /failsafe/HttpLink} (GET:
 * {@code username, pin, message, mnumber, signature, dlt_entity_id, dlt_template_id}, Unicode as {@code FEFF} and
 * hexadecimal UCS-2 with {@code msgType=UC}) and a generic gateway's form POST at {@code /api/send} ({@code apikey,
 * sender, to, message, entity_id, template_id}, UTF-8 with {@code unicode=1}). Like the real ones it answers HTTP 200
 * to refusals, with the reason in the body: a request missing a DLT id, credential or number is refused; the test
 * may set the next answer.
 */
final class SmsGatewayReceiver implements AutoCloseable {
    /** A message as the gateway took it, its text decoded. */
    record Received(String method, Map<String, String> params, String text) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicReference<String> nextAnswer = new AtomicReference<>();
    private final AtomicReference<Integer> nextStatus = new AtomicReference<>();
    private final HttpServer server;

    SmsGatewayReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/failsafe/HttpLink", this::nic);
        server.createContext("/api/send", this::generic);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next request is answered with this status and body instead. */
    void answerNext(int status, String body) {
        nextStatus.set(status);
        nextAnswer.set(body);
    }

    List<Received> to(String number) {
        return received.stream().filter(r -> number.equals(r.params().get("mnumber"))
                || number.equals(r.params().get("to"))).toList();
    }

    private void nic(HttpExchange exchange) throws IOException {
        Map<String, String> params = decode(exchange.getRequestURI().getRawQuery());
        String missing = missing(params, "username", "pin", "message", "mnumber", "signature", "dlt_entity_id",
                "dlt_template_id");
        if (missing != null) {
            answer(exchange, 200, "Message Rejected : code=API1003 & info=" + missing + " missing");
            return;
        }
        String message = params.get("message");
        String text = "UC".equals(params.get("msgType")) ? ucs2(message) : message;
        if (text == null) {
            answer(exchange, 200, "Message Rejected : code=API1010 & info=Invalid Unicode message");
            return;
        }
        take(exchange, new Received("GET", params, text), "Message Accepted for Request ID=1000" + received.size()
                + "~code=API000 & info=Platform accepted & Time = 2026/12/07/23:00");
    }

    private void generic(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            answer(exchange, 405, "{\"status\":\"error\",\"message\":\"POST only\"}");
            return;
        }
        Map<String, String> params = decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String missing = missing(params, "apikey", "sender", "to", "message", "entity_id", "template_id");
        if (missing != null) {
            answer(exchange, 200, "{\"status\":\"failure\",\"message\":\"" + missing + " missing\"}");
            return;
        }
        take(exchange, new Received("POST", params, params.get("message")),
                "{\"status\":\"success\",\"id\":\"m" + received.size() + "\"}");
    }

    private void take(HttpExchange exchange, Received message, String accepted) throws IOException {
        Integer status = nextStatus.getAndSet(null);
        String answer = nextAnswer.getAndSet(null);
        if (status == null) {
            received.add(message);
            answer(exchange, 200, accepted);
        } else {
            answer(exchange, status, answer);
        }
    }

    /** {@code FEFF} then UTF-16BE code units in hexadecimal, as the NIC gateway reads a Unicode message. */
    private static String ucs2(String hex) {
        if (!hex.startsWith("FEFF") || hex.length() % 4 != 0 || !hex.matches("[0-9A-F]+")) {
            return null;
        }
        return new String(HexFormat.of().parseHex(hex.substring(4)), StandardCharsets.UTF_16BE);
    }

    private static String missing(Map<String, String> params, String... names) {
        for (String name : names) {
            if (params.getOrDefault(name, "").isBlank()) {
                return name;
            }
        }
        return null;
    }

    private static Map<String, String> decode(String query) {
        Map<String, String> out = new LinkedHashMap<>();
        if (query == null) {
            return out;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
