package org.warroom.dashboard;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.metrics.ServiceMetrics;
import org.warroom.elastic.DependencyHealth;
import org.warroom.elastic.ElasticClientFactory;

/** Starts the dashboard service: reads configuration, connects to Kafka and Elasticsearch, serves HTTP. */
public final class DashboardMain {
    private static final Logger LOG = LoggerFactory.getLogger(DashboardMain.class);

    private DashboardMain() {
    }

    /** A Vert.x reporting its HTTP server (by route, method and status), websockets and pools into the registry. */
    public static Vertx vertx(ServiceMetrics metrics) {
        return Vertx.builder()
                .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)
                        .addLabels(Label.HTTP_ROUTE)))
                .withMetrics(new MicrometerMetricsFactory(metrics.registry()))
                .build();
    }

    public static void main(String[] args) {
        DashboardConfig config = DashboardConfig.from(Settings.fromEnvironment());
        Admin admin = Admin.create(config.kafka().client());
        ElasticsearchClient elastic = ElasticClientFactory.create(config.elastic());
        ServiceMetrics metrics = ServiceMetrics.create(config.dataDir());
        metrics.bind(admin);
        Vertx vertx = vertx(metrics);
        DashboardVerticle verticle = new DashboardVerticle(config, new DependencyHealth(admin, elastic), elastic,
                java.time.Clock.systemUTC(), metrics);
        vertx.deployVerticle(verticle)
                .onSuccess(id -> LOG.info("dashboard listening on http://{}:{}/", config.host(), verticle.actualPort()))
                .onFailure(e -> {
                    LOG.error("dashboard failed to start: {}", e.getMessage(), e);
                    System.exit(1);
                });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            vertx.close().toCompletionStage().toCompletableFuture().join();
            admin.close();
            try {
                elastic.close();
            } catch (java.io.IOException e) {
                LOG.warn("closing the Elasticsearch client: {}", e.getMessage());
            }
        }, "dashboard-shutdown"));
    }
}
