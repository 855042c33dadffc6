package org.warroom.notifier;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warroom.contracts.config.Settings;

/**
 * The notifier process (alert delivery): reads {@link NotifyConfig}, serves {@code GET /health} on
 * {@code notifier.management.port} (200 when Kafka answers and the notifier has caught up, 503 otherwise), and runs
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
        Vertx vertx = Vertx.vertx();
        NotifierVerticle verticle = new NotifierVerticle(config, Clock.systemUTC());
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
        HttpServer server = HttpServer.create(new InetSocketAddress(config.managementHost(), config.managementPort()), 16);
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "notifier-management");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/health", exchange -> {
            String kafka;
            try {
                admin.describeCluster().clusterId().get(5, TimeUnit.SECONDS);
                kafka = "ok";
            } catch (Exception e) {
                kafka = "unreachable: " + e.getClass().getSimpleName();
            }
            boolean ok = "ok".equals(kafka) && verticle.ready();
            byte[] body = ("{\"status\":\"" + (ok ? "ok" : "unavailable") + "\",\"checks\":{\"kafka\":\""
                    + kafka.replace("\"", "'") + "\",\"caughtUp\":" + verticle.ready() + "}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Cache-Control", "no-store");
            exchange.sendResponseHeaders(ok ? 200 : 503, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }
}
