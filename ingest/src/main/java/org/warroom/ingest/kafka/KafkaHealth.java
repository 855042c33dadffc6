package org.warroom.ingest.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.warroom.contracts.config.KafkaSettings;

/**
 * Whether Kafka is reachable, checked every two seconds on a thread of its own (describe-cluster with a short
 * timeout) so that {@code /health} and the fast 503 path never wait for Kafka.
 */
public final class KafkaHealth implements AutoCloseable {
    private static final Duration PERIOD = Duration.ofSeconds(2);

    /** The last check's outcome. */
    public record Status(boolean up, String detail, Instant checkedAt) {
    }

    private final Admin admin;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "warroom-ingest-kafka-health");
        t.setDaemon(true);
        return t;
    });
    private volatile Status status = new Status(false, "not checked yet", Instant.EPOCH);

    public KafkaHealth(KafkaSettings kafka) {
        Map<String, Object> config = new HashMap<>(kafka.client());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "warroom-ingest-health");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000);
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        admin = Admin.create(config);
    }

    /** Checks once now (blocking, at most ~2 s) and then every two seconds. */
    public KafkaHealth start() {
        check();
        timer.scheduleWithFixedDelay(this::check, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    public Status status() {
        return status;
    }

    /** True unless the last check found Kafka unreachable. */
    public boolean up() {
        return status.up();
    }

    private void check() {
        try {
            int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000)).nodes()
                    .get(3, TimeUnit.SECONDS).size();
            status = nodes > 0 ? new Status(true, nodes + " broker(s) reachable", Instant.now())
                    : new Status(false, "Kafka answered with no brokers", Instant.now());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            String why = e.getCause() != null ? e.getCause().getClass().getSimpleName() : e.getClass().getSimpleName();
            status = new Status(false, "Kafka unreachable (" + why + ")", Instant.now());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        admin.close(Duration.ofSeconds(2));
    }
}
