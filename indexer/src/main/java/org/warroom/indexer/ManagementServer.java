package org.warroom.indexer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;
import org.warroom.contracts.health.HealthReport;
import org.warroom.contracts.json.Json;
import org.warroom.elastic.DependencyHealth;

/**
 * The indexer's management port, on the JDK's HTTP server (two threads: nothing here is hot):
 * <ul>
 *   <li>{@code GET /health/live} ({@link HealthReport}): 200 unless the consumer thread of the {@link #watch watched}
 *       indexer stopped (check {@code consumer}); Kafka or Elasticsearch being down is no reason for a restart;</li>
 *   <li>{@code GET /health/ready} ({@link HealthReport}): 200 when Kafka and Elasticsearch answer, else 503 naming
 *       what does not;</li>
 *   <li>{@code GET /health}: the readiness verdict in its historical body {@code {"status": "ok"|"unavailable",
 *       "checks"}};</li>
 *   <li>{@code GET /metrics}: Prometheus text.</li>
 * </ul>
 */
final class ManagementServer implements AutoCloseable {
    private final HttpServer server;
    private volatile Indexer indexer;

    ManagementServer(String host, int port, DependencyHealth health, IndexerMetrics metrics) throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 16);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "indexer-management");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/health", exchange -> {
            if (!allowGet(exchange)) {
                return;
            }
            Map<String, String> checks = health.check();
            boolean ok = DependencyHealth.allOk(checks);
            byte[] body = Json.mapper().writeValueAsBytes(Map.of("status", ok ? "ok" : "unavailable", "checks", checks));
            send(exchange, ok ? 200 : 503, "application/json", body);
        });
        server.createContext("/health/live", exchange -> {
            if (allowGet(exchange)) {
                report(exchange, live());
            }
        });
        server.createContext("/health/ready", exchange -> {
            if (allowGet(exchange)) {
                report(exchange, HealthReport.of(health.check()));
            }
        });
        server.createContext("/metrics", exchange -> {
            if (!allowGet(exchange)) {
                return;
            }
            send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8",
                    metrics.scrape().getBytes(StandardCharsets.UTF_8));
        });
        server.start();
    }

    /** From now on liveness is whether this indexer's consumer thread runs (until then: starting, alive). */
    void watch(Indexer watched) {
        this.indexer = watched;
    }

    private HealthReport live() {
        Indexer watched = indexer;
        return HealthReport.of(Map.of("consumer", HealthReport.check(watched == null || watched.alive(),
                "the consumer thread stopped")));
    }

    private static void report(HttpExchange exchange, HealthReport report) throws IOException {
        send(exchange, report.httpStatus(), "application/json", report.json());
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static boolean allowGet(HttpExchange exchange) throws IOException {
        if ("GET".equals(exchange.getRequestMethod()) || "HEAD".equals(exchange.getRequestMethod())) {
            return true;
        }
        exchange.getResponseHeaders().add("Allow", "GET, HEAD");
        send(exchange, 405, "text/plain", new byte[0]);
        return false;
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
