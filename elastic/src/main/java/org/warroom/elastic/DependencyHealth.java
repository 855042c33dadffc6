package org.warroom.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Whether Kafka and Elasticsearch answer right now. Blocking: call it from a worker thread. The minimal local
 * Elasticsearch answers {@code GET /} with 405, so readiness is the cluster health, not ping.
 */
public final class DependencyHealth {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Admin kafka;
    private final ElasticsearchClient elastic;

    public DependencyHealth(Admin kafka, ElasticsearchClient elastic) {
        this.kafka = kafka;
        this.elastic = elastic;
    }

    /** One entry per dependency: "ok" or what is wrong. */
    public Map<String, String> check() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("kafka", checkKafka());
        out.put("elasticsearch", checkElastic());
        return out;
    }

    public static boolean allOk(Map<String, String> checks) {
        return checks.values().stream().allMatch("ok"::equals);
    }

    private String checkKafka() {
        try {
            int nodes = kafka.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
                    .nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
            return nodes > 0 ? "ok" : "no broker in the cluster";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            return "unreachable: " + rootMessage(e);
        }
    }

    private String checkElastic() {
        try {
            HealthStatus status = elastic.cluster().health(h -> h.timeout(t -> t.time("2s"))).status();
            return status == HealthStatus.Red ? "cluster status red" : "ok";
        } catch (Exception e) {
            return "unreachable: " + rootMessage(e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : " " + t.getMessage());
    }
}
