package org.warroom.dashboard;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.vertx.core.Vertx;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warroom.contracts.config.Settings;
import org.warroom.elastic.DependencyHealth;
import org.warroom.elastic.ElasticClientFactory;

/** Starts the dashboard service: reads configuration, connects to Kafka and Elasticsearch, serves HTTP. */
public final class DashboardMain {
    private static final Logger LOG = LoggerFactory.getLogger(DashboardMain.class);

    private DashboardMain() {
    }

    public static void main(String[] args) {
        DashboardConfig config = DashboardConfig.from(Settings.fromEnvironment());
        Admin admin = Admin.create(config.kafka().client());
        ElasticsearchClient elastic = ElasticClientFactory.create(config.elastic());
        Vertx vertx = Vertx.vertx();
        DashboardVerticle verticle = new DashboardVerticle(config, new DependencyHealth(admin, elastic), elastic,
                java.time.Clock.systemUTC());
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
