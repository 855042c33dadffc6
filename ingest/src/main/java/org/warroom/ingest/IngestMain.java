package org.warroom.ingest;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.metrics.ServiceMetrics;
import org.warroom.ingest.auth.FirstKey;
import org.warroom.ingest.config.IngestConfig;
import org.warroom.ingest.reference.DirectoryPlaces;

/** Starts the ingest service: configuration, the first API key, the verticle; stops it cleanly on SIGTERM. */
public final class IngestMain {
    private static final Logger LOG = LoggerFactory.getLogger(IngestMain.class);

    private IngestMain() {
    }

    /** A Vert.x reporting its HTTP server (by route, method and status) and pools into the service's registry. */
    static Vertx vertx(ServiceMetrics metrics) {
        return Vertx.builder()
                .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)
                        .addLabels(Label.HTTP_ROUTE)))
                .withMetrics(new MicrometerMetricsFactory(metrics.registry()))
                .build();
    }

    public static void main(String[] args) throws InterruptedException {
        IngestConfig config;
        try {
            config = IngestConfig.from(Settings.fromEnvironment());
        } catch (RuntimeException e) {
            System.err.println("warroom ingest: " + e.getMessage());
            System.exit(2);
            return;
        }
        FirstKey firstKey = FirstKey.resolve(config.ingestKey(), config.ingestKeyFile());
        if (firstKey.generated()) {
            // Shown once; bin/warroom reads it again from the file.
            System.out.println(firstKey.banner());
            System.out.println("(kept in " + config.ingestKeyFile() + ")");
            System.out.flush();
        }
        ServiceMetrics metrics = ServiceMetrics.create(config.dataDir());
        Vertx vertx = vertx(metrics);
        IngestVerticle verticle = new IngestVerticle(config, firstKey,
                DirectoryPlaces.load(config.extraDistricts(), config.preferredStates()), Clock.systemUTC(), metrics);
        CountDownLatch started = new CountDownLatch(1);
        vertx.deployVerticle(verticle)
                .onSuccess(id -> {
                    LOG.info("ingest listening on {}://{}:{} (Kafka {})", config.tls().enabled() ? "https" : "http", config.host(), verticle.port(),
                            config.kafka().bootstrap());
                    started.countDown();
                })
                .onFailure(e -> {
                    LOG.error("ingest could not start: {}", e.getMessage(), e);
                    vertx.close();
                    System.exit(1);
                });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            CountDownLatch closed = new CountDownLatch(1);
            vertx.close().onComplete(r -> closed.countDown());
            try {
                closed.await(15, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "warroom-ingest-shutdown"));
        started.await();
    }
}
