package org.warroom.streams;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * {@code GET /health} (200 while Kafka Streams is RUNNING or REBALANCING, else 503; JSON body with the state) and
 * {@code GET /metrics} (Kafka Streams metrics in the Prometheus text format), on the JDK's HTTP server.
 */
final class ManagementServer implements AutoCloseable {
    private final HttpServer server;
    private final Supplier<KafkaStreams> streams;

    ManagementServer(String host, int port, Supplier<KafkaStreams> streams) {
        this.streams = streams;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
        }
        server.createContext("/health", this::health);
        server.createContext("/metrics", this::metrics);
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "management-http");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void health(HttpExchange exchange) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            send(exchange, 405, "application/json", "{\"error\":\"method not allowed\"}");
            return;
        }
        KafkaStreams s = streams.get();
        KafkaStreams.State state = s == null ? KafkaStreams.State.CREATED : s.state();
        boolean up = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
        send(exchange, up ? 200 : 503, "application/json",
                "{\"status\":\"" + (up ? "UP" : "DOWN") + "\",\"state\":\"" + state + "\"}");
    }

    private void metrics(HttpExchange exchange) throws IOException {
        KafkaStreams s = streams.get();
        StringBuilder out = new StringBuilder();
        if (s != null) {
            Map<String, Double> lines = new TreeMap<>();
            for (Map.Entry<MetricName, ? extends Metric> e : s.metrics().entrySet()) {
                Object value = e.getValue().metricValue();
                if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
                    lines.put(line(e.getKey()), n.doubleValue());
                }
            }
            lines.forEach((k, v) -> out.append(k).append(' ').append(v).append('\n'));
            out.append("warroom_streams_up ").append(s.state().isRunningOrRebalancing() ? 1 : 0).append('\n');
        }
        send(exchange, 200, "text/plain; version=0.0.4", out.toString());
    }

    private static String line(MetricName name) {
        StringBuilder b = new StringBuilder(sanitize("kafka_" + name.group() + "_" + name.name()));
        if (!name.tags().isEmpty()) {
            b.append('{');
            String sep = "";
            for (Map.Entry<String, String> tag : new TreeMap<>(name.tags()).entrySet()) {
                b.append(sep).append(sanitize(tag.getKey())).append("=\"")
                        .append(tag.getValue().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
                sep = ",";
            }
            b.append('}');
        }
        return b.toString();
    }

    private static String sanitize(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
