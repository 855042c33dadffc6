package org.warroom.streams;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.warroom.contracts.health.HealthReport;
import org.warroom.contracts.metrics.ServiceMetrics;

/**
 * On the JDK's HTTP server:
 * <ul>
 *   <li>{@code GET /health/live} ({@link HealthReport}): 200 unless Kafka Streams failed (state ERROR or
 *       PENDING_ERROR: its threads are gone and only a restart helps), check {@code kafkaStreams};</li>
 *   <li>{@code GET /health/ready} ({@link HealthReport}): 200 while Kafka Streams is RUNNING, or REBALANCING once it has
 *       run (a later rebalance keeps it ready), else 503 with the state. Not ready before its first RUNNING: on a fresh
 *       stack the first rebalance (internal topics, tasks, stores, transactions) took up to 50 s, and an event sent
 *       meanwhile waited for all of it;</li>
 *   <li>{@code GET /health}: the readiness verdict in its historical body {@code {"status","state"}};</li>
 *   <li>{@code GET /metrics}: {@link StreamsMetrics} in the Prometheus text format (docs/METRICS.md).</li>
 * </ul>
 */
final class ManagementServer implements AutoCloseable {
    private final HttpServer server;
    private final Supplier<KafkaStreams> streams;
    private final BooleanSupplier hasRun;
    private final StreamsMetrics metrics;

    /** @param hasRun whether Kafka Streams has been RUNNING at least once */
    ManagementServer(String host, int port, Supplier<KafkaStreams> streams, BooleanSupplier hasRun, StreamsMetrics metrics) {
        this.streams = streams;
        this.hasRun = hasRun;
        this.metrics = metrics;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
        }
        server.createContext("/health", this::health);
        server.createContext("/health/live", exchange -> report(exchange, live(state())));
        server.createContext("/health/ready", exchange -> report(exchange, ready(state(), hasRun.getAsBoolean())));
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
        KafkaStreams.State state = state();
        boolean up = readyIn(state, hasRun.getAsBoolean());
        send(exchange, up ? 200 : 503, "application/json",
                "{\"status\":\"" + (up ? "UP" : "DOWN") + "\",\"state\":\"" + state + "\"}");
    }

    private KafkaStreams.State state() {
        KafkaStreams s = streams.get();
        return s == null ? KafkaStreams.State.CREATED : s.state();
    }

    private static boolean readyIn(KafkaStreams.State state, boolean hasRun) {
        return state == KafkaStreams.State.RUNNING || hasRun && state == KafkaStreams.State.REBALANCING;
    }

    /** Alive unless Kafka Streams failed: starting, rebalancing or stopping is no reason for a restart. */
    static HealthReport live(KafkaStreams.State state) {
        boolean failed = state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR;
        return HealthReport.of(Map.of("kafkaStreams", HealthReport.check(!failed, "state " + state)));
    }

    /** Ready while Kafka Streams processes: RUNNING, or REBALANCING after it has run once. */
    static HealthReport ready(KafkaStreams.State state, boolean hasRun) {
        String why = state == KafkaStreams.State.REBALANCING ? "state REBALANCING (first assignment not done yet)" : "state " + state;
        return HealthReport.of(Map.of("kafkaStreams", HealthReport.check(readyIn(state, hasRun), why)));
    }

    private static void report(HttpExchange exchange, HealthReport report) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            send(exchange, 405, "application/json", "{\"error\":\"method not allowed\"}");
            return;
        }
        send(exchange, report.httpStatus(), "application/json", new String(report.json(), StandardCharsets.UTF_8));
    }

    private void metrics(HttpExchange exchange) throws IOException {
        send(exchange, 200, ServiceMetrics.CONTENT_TYPE, metrics.scrape());
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
