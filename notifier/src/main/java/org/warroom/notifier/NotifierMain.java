package org.warroom.notifier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.health.HealthReport;
import org.warroom.contracts.metrics.ServiceMetrics;

/**
 * The notifier process (alert delivery): reads {@link NotifyConfig}, serves {@code GET /health}, {@code /health/live}
 * and {@code /health/ready} and {@code GET /metrics} on {@code notifier.management.port} (ready: 200 when Kafka answers and the notifier has
 * caught up, 503 otherwise; see {@link #health(String, int, Admin, BooleanSupplier)}), and runs
 * the {@link NotifierVerticle} until stopped.
 */
public final class NotifierMain {
    private static final Logger LOG = LoggerFactory.getLogger(NotifierMain.class);

    private NotifierMain() {
    }

    public static void main(String[] args) throws Exception {
        NotifyConfig config = NotifyConfig.from(Settings.fromEnvironment());
        LOG.info("notifier starting: {}", config);
        Admin admin = Admin.create(config.kafka().client());
        ServiceMetrics metrics = ServiceMetrics.create();
        metrics.bind(admin);
        Vertx vertx = Vertx.vertx();
        NotifierVerticle verticle = new NotifierVerticle(config, Clock.systemUTC(), metrics);
        HttpServer management = health(config, admin, verticle);
        LOG.info("notifier management on http://{}:{}/health", config.managementHost(),
                management.getAddress().getPort());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("notifier stopping");
            try {
                vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("closing: {}", e.toString());
            }
            management.stop(0);
            admin.close(Duration.ofSeconds(5));
            stopped.countDown();
        }, "notifier-shutdown"));
        vertx.deployVerticle(verticle).onFailure(e -> {
            LOG.error("notifier failed to start", e);
            System.exit(1);
        });
        stopped.await();
    }

    static HttpServer health(NotifyConfig config, Admin admin, NotifierVerticle verticle) throws IOException {
        return health(config.managementHost(), config.managementPort(), admin, verticle::ready, verticle.metrics());
    }

    /**
     * The management port:
     * <ul>
     *   <li>{@code GET /health/live} ({@link HealthReport}): 200 while the process answers (Kafka being down is no
     *       reason to restart it: the notifier resumes from the delivery log when it is back);</li>
     *   <li>{@code GET /health/ready} ({@link HealthReport}): 200 when Kafka answers and the notifier has read every
     *       alert that existed when it joined; 503 naming what is not so ({@code kafka}, {@code alerts});</li>
     *   <li>{@code GET /health}: the readiness verdict in its historical body
     *       {@code {"status": "ok"|"unavailable", "checks": {"kafka", "caughtUp"}}};</li>
     *   <li>{@code GET /metrics}: Prometheus text ({@link NotifierMetrics} and the process's; docs/METRICS.md).</li>
     * </ul>
     */
    static HttpServer health(String host, int port, Admin admin, BooleanSupplier caughtUp, ServiceMetrics metrics)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 16);
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "notifier-management");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/health", exchange -> {
            String kafka = kafka(admin);
            boolean ready = caughtUp.getAsBoolean();
            boolean ok = "ok".equals(kafka) && ready;
            byte[] body = ("{\"status\":\"" + (ok ? "ok" : "unavailable") + "\",\"checks\":{\"kafka\":\""
                    + kafka.replace("\"", "'") + "\",\"caughtUp\":" + ready + "}}")
                    .getBytes(StandardCharsets.UTF_8);
            send(exchange, ok ? 200 : 503, body);
        });
        server.createContext("/metrics", exchange -> send(exchange, 200, ServiceMetrics.CONTENT_TYPE,
                metrics.scrape().getBytes(StandardCharsets.UTF_8)));
        server.createContext("/health/live", exchange -> {
            HealthReport report = HealthReport.of(Map.of());
            send(exchange, report.httpStatus(), report.json());
        });
        server.createContext("/health/ready", exchange -> {
            Map<String, String> checks = new LinkedHashMap<>();
            checks.put("kafka", kafka(admin));
            checks.put("alerts", HealthReport.check(caughtUp.getAsBoolean(), "still reading the open alerts"));
            HealthReport report = HealthReport.of(checks);
            send(exchange, report.httpStatus(), report.json());
        });
        server.start();
        return server;
    }

    private static String kafka(Admin admin) {
        try {
            admin.describeCluster().clusterId().get(5, TimeUnit.SECONDS);
            return "ok";
        } catch (Exception e) {
            return "unreachable: " + e.getClass().getSimpleName();
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        send(exchange, status, "application/json", body);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
