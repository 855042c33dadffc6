package org.warroom.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.metrics.ServiceMetrics;

/** The management port with Kafka unreachable (nothing listens on port 1): alive, not ready, and it says why. */
class NotifierHealthTest {

    @Test
    @DisplayName("Kafka unreachable: /health/live 200, /health/ready 503 naming kafka, /health 503 as before")
    void shouldStayAliveButNotReadyWithoutKafka() throws Exception {
        try (Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 4000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000))) {
            HttpServer server = NotifierMain.health("127.0.0.1", 0, admin, () -> true, ServiceMetrics.create());
            try {
                HttpResponse<String> live = get(server, "/health/live");
                assertThat(live.statusCode()).isEqualTo(200);
                assertThat(live.body()).isEqualTo("{\"status\":\"UP\",\"checks\":{}}");
                HttpResponse<String> ready = get(server, "/health/ready");
                assertThat(ready.statusCode()).isEqualTo(503);
                assertThat(ready.body()).startsWith("{\"status\":\"DOWN\",\"checks\":{\"kafka\":\"unreachable: ")
                        .endsWith("\",\"alerts\":\"ok\"}}");
                HttpResponse<String> health = get(server, "/health");
                assertThat(health.statusCode()).isEqualTo(503);
                assertThat(health.body()).startsWith("{\"status\":\"unavailable\",\"checks\":{\"kafka\":\"unreachable");
                HttpResponse<String> metrics = get(server, "/metrics");
                assertThat(metrics.statusCode()).isEqualTo(200);
                assertThat(metrics.headers().firstValue("Content-Type")).hasValue(ServiceMetrics.CONTENT_TYPE);
                assertThat(metrics.body()).contains("# TYPE jvm_memory_used_bytes gauge");
            } finally {
                server.stop(0);
            }
        }
    }

    private static HttpResponse<String> get(HttpServer server, String path) throws Exception {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
